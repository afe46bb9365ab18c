from .. import util as parent_util

SUB = parent_util.helper(21)
