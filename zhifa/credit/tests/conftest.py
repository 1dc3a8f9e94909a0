import pytest

from zhifa.cases.tests.builders import make_world


@pytest.fixture
def w(db):
    return make_world()
