from . import models
from . import wizard
from . import report
from .hooks import pre_init_hook
