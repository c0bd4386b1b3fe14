import pytest

from fazhi.conftest import screenshot, text_of


@pytest.mark.django_db
def test_home_is_public_and_in_chinese(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'lang="zh-Hans"' in html
    assert "人社政策一点通" in html


@pytest.mark.django_db
def test_unknown_page_is_a_chinese_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "页面不存在" in response.content.decode()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_home_renders_in_chromium_and_is_keyboard_navigable(page):
    page.goto_path("/")
    assert page.title().startswith("首页")
    # the first Tab reaches the skip link, which leads to the main content
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "跳到正文"
    assert text_of(page.get_by_role("heading", level=1)) == "依法行政 · 公开透明"
    screenshot(page, "portal-home")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_home_fits_a_phone_screen(page):
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto_path("/")
    overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    assert overflow is False
    screenshot(page, "portal-home-mobile")


def test_favicon_ico_redirects_to_the_static_icon(client):
    from django.contrib.staticfiles import finders

    response = client.get("/favicon.ico")
    assert response.status_code == 302 and response.url.endswith(".svg")
    assert finders.find("fazhi/favicon.svg")
