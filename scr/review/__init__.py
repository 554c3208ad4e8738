"""Case reviews. Importing the package installs the hooks that keep each review's revision
and keep a published review frozen."""

from scr.review import frozen as _frozen  # noqa: F401
from scr.review import revision as _revision  # noqa: F401
