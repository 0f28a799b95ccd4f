from . import test_password_defaults
