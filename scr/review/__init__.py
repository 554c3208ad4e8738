"""Case reviews. Importing the package installs the hook that keeps each review's revision."""

from scr.review import revision as _revision  # noqa: F401
