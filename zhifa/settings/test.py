"""Settings for the test suite: the same as the default, with a fast password hasher."""

from .base import *  # noqa: F403

# Argon2 is what users get (see base.py and test_accounts); the suite creates
# hundreds of users, so it hashes their passwords with a fast hasher.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
DEBUG = False
ZHIFA_TESTING = True
