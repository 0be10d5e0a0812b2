"""Does the trainee's first five minutes work in a real browser? JupyterLab on 127.0.0.1, driven
by Playwright in Debian's Chromium: run the course map, see a table, a chart and a Mermaid ER
diagram; solve an exercise and see its test pass; open the formgrader. Saves screenshots."""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "docs" / "screenshots"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
EXERCISE = "01-dependencies-and-keys.ipynb"
ANSWER = '''def closure(attrs, fds):
    result = set(attrs)
    while True:
        bigger = result.union(*[set(r) for l, r in fds if set(l) <= result])
        if bigger == result:
            return result
        result = bigger'''


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab serving a scratch copy of the course notebooks (the repo stays clean)."""
    work = tmp_path_factory.mktemp("lab")
    shutil.copy(ROOT / "notebooks" / "00-start-here.ipynb", work / "00-start-here.ipynb")
    shutil.copy(ROOT / "exercises" / "01-design" / EXERCISE, work / EXERCISE)
    shutil.copy(ROOT / "nbgrader_config.py", work / "nbgrader_config.py")
    settings = work / ".settings"
    news = settings / "@jupyterlab" / "apputils-extension"
    news.mkdir(parents=True)
    (news / "notification.jupyterlab-settings").write_text(json.dumps({"fetchNews": "false", "checkForUpdates": False}))
    tracker = settings / "@jupyterlab" / "notebook-extension"
    tracker.mkdir(parents=True)
    # render every cell (no windowing), so the test can find cells by their text
    (tracker / "tracker.jupyterlab-settings").write_text(json.dumps({"windowingMode": "none"}))
    port, token = free_port(), "dblab-browser-test"
    env = {**os.environ, "JUPYTERLAB_SETTINGS_DIR": str(settings), "JUPYTER_RUNTIME_DIR": str(work / ".runtime")}
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "jupyter"), "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
         f"--ServerApp.token={token}", "--allow-root", f"--ServerApp.root_dir={work}",
         "--LabApp.expose_app_in_browser=True"],
        cwd=work, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=5)
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError("JupyterLab did not start")
            time.sleep(0.5)
    yield base, token
    os.killpg(server.pid, 15)
    server.wait(timeout=30)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        # never a downloaded browser build: Debian's Chromium, installed by .ci/run
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield b
        b.close()


def wait_idle(page, timeout=120_000):
    page.wait_for_function(
        "() => [...document.querySelectorAll('.jp-StatusBar-TextItem')].some(e => e.textContent.includes('| Idle'))",
        timeout=timeout)


def run_all(page):
    page.evaluate("() => window.jupyterapp.commands.execute('runmenu:run-all')")
    page.wait_for_timeout(1000)
    wait_idle(page)


def test_course_map_renders_table_chart_and_er_diagram(lab, browser):
    base, token = lab
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{base}/lab/tree/00-start-here.ipynb?reset&token={token}")
    page.wait_for_selector(".jp-Notebook", timeout=90_000)
    wait_idle(page)
    run_all(page)
    errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
    assert page.locator(".jp-RenderedHTMLCommon table").count() > 0
    assert page.locator(".jp-RenderedImage img").count() > 0
    mermaid = page.locator(".jp-RenderedMermaid img[src^='data:image/svg+xml']")
    mermaid.first.wait_for(timeout=60_000)
    assert mermaid.count() > 0
    assert page.locator(".jp-OutputArea-output .jp-RenderedText[data-mime-type='application/vnd.jupyter.error']").count() == 0
    assert errors.count() == 0
    mermaid.first.scroll_into_view_if_needed()
    page.locator(".jp-Cell").filter(has=mermaid.first).first.screenshot(path=str(SHOTS / "start-here-er-diagram.png"))
    page.close()


def test_solving_an_exercise_shows_the_pass_message(lab, browser):
    base, token = lab
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{base}/lab/tree/{EXERCISE}?reset&token={token}")
    page.wait_for_selector(".jp-Notebook", timeout=90_000)
    wait_idle(page)
    cells = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook .jp-CodeCell")
    answer = next(i for i in range(cells.count()) if "raise NotImplementedError" in cells.nth(i).inner_text())
    editor = cells.nth(answer).locator(".cm-content")
    editor.scroll_into_view_if_needed()
    editor.click(force=True)
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.insert_text(ANSWER)
    # run the cells above (setup), then the answer and its test cell
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-above')")
    page.wait_for_timeout(500)
    wait_idle(page)
    page.keyboard.press("Shift+Enter")
    page.wait_for_timeout(500)
    wait_idle(page)
    page.keyboard.press("Shift+Enter")
    page.wait_for_timeout(500)
    wait_idle(page)
    test_cell = cells.nth(answer + 1)
    test_cell.locator("text=✔ closure() is right on the examples").wait_for(timeout=60_000)
    cells.nth(answer).scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "exercise-pass.png"))
    page.close()


def test_formgrader_page_opens(lab, browser):
    base, token = lab
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(f"{base}/formgrader?token={token}")
    page.wait_for_selector("text=Manage Assignments", timeout=60_000)
    page.screenshot(path=str(SHOTS / "formgrader.png"))
    page.close()
