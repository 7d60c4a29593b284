import pytest

import kehoach.services as services


@pytest.mark.parametrize("name", services.__all__)
def test_every_exported_name_resolves(name: str) -> None:
    assert getattr(services, name) is not None


def test_unknown_names_are_attribute_errors() -> None:
    with pytest.raises(AttributeError):
        services.no_such_service  # noqa: B018
