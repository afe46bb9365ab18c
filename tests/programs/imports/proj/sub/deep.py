from ..util import helper
from . import SUB
from .. import VERSION

value = helper(SUB)
PACKAGE = __package__
