"""What an instance takes in from the national exchange: a file of lines imported (reviews,
and withdrawals applied), and the pull from other instances, each with its own cursor.

It sits above the exchange format it reads (``scr.exchange``) and the review's workflow it
replaces or deletes imported copies through (``scr.workflow``)."""
