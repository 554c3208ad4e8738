"""A review's workflow: opening it, moving its status through the completeness checks'
gate, publishing (the identifier scan), reopening, deleting it with everything it holds (and
a board with its reviews), and its file transfer (export and import of one review).

It sits above the record packages it orchestrates (``scr.review`` holds the review itself,
below them all)."""
