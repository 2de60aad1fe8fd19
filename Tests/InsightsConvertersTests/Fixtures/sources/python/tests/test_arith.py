import pytest

from calc.arith import add, clamp, describe, divide


def test_add():
    assert add(2, 3) == 5


def test_add_wrong():
    assert add(2, 2) == 5


def test_divide():
    assert divide(6, 3) == 2


def test_clamp_high():
    assert clamp(10, 0, 5) == 4


def test_describe_negative():
    assert describe(-1) == "negative"


@pytest.mark.skip(reason="not implemented yet")
def test_describe_zero():
    assert describe(0) == "zero"


@pytest.fixture
def broken_fixture():
    raise RuntimeError("fixture setup failed")


def test_with_broken_fixture(broken_fixture):
    assert broken_fixture


class TestDivide:
    def test_divide_by_zero(self):
        with pytest.raises(ZeroDivisionError):
            divide(1, 0)

    def test_divide_float(self):
        assert divide(1, 3) == 0.3
