import pytest

from zhifa.cooperation.tests.builders import make_coop_world


@pytest.fixture(autouse=True)
def evidence_root(settings, tmp_path):
    """Evidence files of a test go to its own directory, never to var/."""
    settings.EVIDENCE_ROOT = tmp_path / "evidence"
    return settings.EVIDENCE_ROOT


@pytest.fixture
def w(db):
    return make_coop_world()
