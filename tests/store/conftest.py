import pytest

from outreach.store import Store, Variant


@pytest.fixture
def db(tmp_path):
    return tmp_path / "werkruimtes.sqlite3"


@pytest.fixture
def store(db):
    return Store(db)


@pytest.fixture
def workspace(store):
    return store.create_workspace("Huurachterstand", variants=[Variant("A", "Beste mevrouw,"),
                                                               Variant("B", "Hallo,")])
