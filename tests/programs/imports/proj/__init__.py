"""A package for the import tests."""
from .util import helper

VERSION = "1.0"
