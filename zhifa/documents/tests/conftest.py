import pytest

from zhifa.cases.tests.builders import make_world
from zhifa.documents.models import Profile


@pytest.fixture(autouse=True)
def document_roots(settings, tmp_path):
    """A test's evidence and documents go to its own directories, never to var/."""
    settings.EVIDENCE_ROOT = tmp_path / "evidence"
    settings.DOCUMENT_ROOT = tmp_path / "documents"


@pytest.fixture
def rendered(settings):
    """Issue documents as signed PDFs (slow: only where a test reads the PDF)."""
    settings.ZHIFA_DOCUMENTS_RENDER = True


def add_profile(agency) -> Profile:
    return Profile.objects.create(
        agency=agency,
        reconsideration_body="重庆市渝中区人民政府",
        court="重庆市渝中区人民法院",
        payment_bank="中国工商银行重庆渝中支行（非税收入代收）",
        payment_account_name="重庆市渝中区财政局非税收入专户",
        payment_account="3100021509024912345",
        contact_address="重庆市渝中区中山一路118号",
        contact_phone="023-63891234",
    )


def make_documents_world():
    """The cases world, with the agency's document profile and the parties' addresses."""
    world = make_world()
    add_profile(world.agency)
    for party, address in ((world.org, "重庆市渝中区解放碑民族路88号"), (world.person, "重庆市渝中区较场口12号")):
        party.address = address
        party.save(update_fields=["address"])
    return world


@pytest.fixture
def w(db):
    return make_documents_world()
