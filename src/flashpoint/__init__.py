"""flashpoint: a sourced, cross-checked record of a crisis from the news."""

__version__ = "0.1.0"
