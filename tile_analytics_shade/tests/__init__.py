from . import test_shade_analysis
