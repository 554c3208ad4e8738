"""Whether the service can still write: the probe behind ``/health``."""
