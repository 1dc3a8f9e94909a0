"""zhifa (执法): administrative law enforcement, run and supervised by law."""

__version__ = "0.1.0"
