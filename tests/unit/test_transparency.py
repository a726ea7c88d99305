"""Transparency: `mkdocs_postkit.video` changes nothing in Markdown that does not use it.

The Markdown inputs of Python-Markdown's and pymdown-extensions' own test suites,
read with `tarfile` from the sdists of the versions pinned in requirements.txt
(scripts/test.sh downloads them into .cache/sdists), must render byte-identically
with and without `mkdocs_postkit.video` (listed last, and listed first), and postkit
must log no warning for them.

Inputs are (a) the suites' data files (Python-Markdown's legacy `tests/**/*.txt`,
pymdownx's file-based tests and snippets, pymdownx's `docs/src/markdown/**/*.md`)
and (b) the string literals passed to `assertMarkdownRenders` / `check_markdown`
in their test modules, found with `ast` (through `dedent(...)`, a local variable
or a class attribute such as `self.MD`). Each input is rendered with the settings
its suite gives it (test_legacy.py's `Kwargs`, tests.yml, `default_kwargs`,
`extension`/`extension_configs`, the call's keywords) when they are literals or
name extensions and functions of markdown and pymdownx, else with none; and again
with a broad realistic set of extensions (`BROAD`) added.

A render that raises without postkit too is skipped (and counted); an exception
only with postkit is a failure, and so is a render in which postkit runs more than
WORK_PER_CHARACTER lines of Python per character (counted, not timed: a runaway
loop stops there instead of hanging the suite). Since none of the suites' inputs has a backslash
escape of `/`, a last test renders every ASCII punctuation escaped.
"""

from __future__ import annotations

import ast
import copy
import difflib
import functools
import importlib
import json
import logging
import re
import string
import tarfile
import textwrap
import warnings
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import markdown
import pytest
import yaml

from support.work import WorkCounter, WorkExceeded

ROOT = Path(__file__).resolve().parents[2]
SDISTS = ROOT / ".cache" / "sdists"
REQUIREMENTS = ROOT / "requirements.txt"
POSTKIT = "mkdocs_postkit.video"
# What a typical MkDocs Material site loads besides postkit.
BROAD = ("extra", "toc", "admonition", "pymdownx.superfences", "pymdownx.tabbed", "pymdownx.details")
# About 80% of what the pinned sdists hold (measured: Markdown 3.11.3, 100 data files + 789 strings in
# its test modules; pymdown-extensions 13.1.2, 114 + 814), so that a collection that breaks fails here.
FLOORS = {
    "markdown": {"data file": 80, "module string": 630, "total": 710},
    "pymdown-extensions": {"data file": 90, "module string": 650, "total": 740},
}
# Lines of postkit's work allowed per character of an input (plus 1,000): the most the suites' inputs need
# is 5.1 (footnote_many_footnotes.txt), so 50 stops a runaway loop, counted rather than timed.
WORK_PER_CHARACTER = 50
POSITIONS = ("last", "first")  # where mkdocs_postkit.video is listed among the extensions
SHOWN = 5  # differing inputs shown in full in a failure
DIFF_LINES = 24


class NotLiteralError(Exception):
    """A setting that is not a literal: the input is kept, its settings are not."""


@dataclass(frozen=True)
class Setup:
    """Keyword arguments of `markdown.Markdown`, in a hashable, printable form."""

    extensions: tuple[str | Instance, ...] = ()
    configs: str = "{}"  # JSON, or repr for configs holding functions
    options: str = "{}"
    objects: tuple[Any, ...] = field(default=(), compare=False)  # (configs, options) as Python objects

    @classmethod
    def of(cls, extensions: Any, configs: Any = None, **options: Any) -> Setup:
        if not isinstance(extensions, list | tuple) or not all(isinstance(e, str | Instance) for e in extensions):
            raise NotLiteralError("extensions")
        if not isinstance(configs or {}, dict):
            raise NotLiteralError("extension_configs")
        configs = {k: v for k, v in (configs or {}).items() if v}
        return cls(tuple(extensions), dumps(configs), dumps(options), (configs, options))

    def kwargs(self, postkit: str = "") -> dict[str, Any]:
        """Markdown's arguments, with `mkdocs_postkit.video` listed "first", "last" or not at all ("")."""
        configs, options = copy.deepcopy(self.objects) if self.objects else ({}, {})
        extensions: list[Any] = [e.create() if isinstance(e, Instance) else e for e in self.extensions]
        extensions = [POSTKIT, *extensions] if postkit == "first" else [*extensions, POSTKIT] if postkit == "last" else extensions
        return {"extensions": extensions, "extension_configs": configs, **options}

    def with_broad(self) -> Setup:
        """`BROAD` plus this input's own extensions (its own win where both name one)."""
        own = {short(e) for e in self.extensions}
        configs, options = self.objects or ({}, {})
        return Setup.of([e for e in BROAD if short(e) not in own] + list(self.extensions), configs, **options)

    def label(self) -> str:
        text = f"extensions={list(self.extensions)}"
        if self.configs != "{}":
            text += f" extension_configs={self.configs[:200]}"
        if self.options != "{}":
            text += f" {self.options}"
        return text


@dataclass(frozen=True)
class Instance:
    """`SomeExtension(option=literal, ...)` of a class from markdown or pymdownx, as a test module writes it."""

    path: str  # module.Class
    config: str  # JSON
    objects: dict[str, Any] = field(compare=False, hash=False)

    def create(self) -> Any:
        return resolve(self.path)(**copy.deepcopy(self.objects))

    def __repr__(self) -> str:
        return f"{self.path.rpartition('.')[2]}(**{self.config})"


def dumps(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=repr)


def short(extension: str | Instance) -> str:
    name = extension.path.rpartition(".")[0] if isinstance(extension, Instance) else extension
    return name.removeprefix("markdown.extensions.")


def resolve(dotted: str) -> Any:
    """The object a dotted path names (only called with paths in markdown and pymdownx)."""
    parts = dotted.split(".")
    for i in range(len(parts), 0, -1):
        try:
            value = importlib.import_module(".".join(parts[:i]))
        except ImportError:
            continue
        for part in parts[i:]:
            value = getattr(value, part)
        return value
    raise NotLiteralError(dotted)


@dataclass(frozen=True)
class Input:
    where: str  # file in the sdist, or test module::class::function:line
    text: str
    own: Setup | None  # the settings its suite renders it with, when literal


# Finding the sdists.


def pinned(project: str) -> str:
    """The version requirements.txt pins, so that the test and the downloaded sdists cannot drift."""
    for line in REQUIREMENTS.read_text("utf-8").splitlines():
        m = re.match(r"^\s*([A-Za-z0-9._-]+)\s*==\s*([^\s#;]+)", line)
        if m and canonical(m[1]) == project:
            return m[2]
    pytest.fail(f"requirements.txt pins no version of {project}")


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def sdist(project: str) -> tarfile.TarFile:
    version = pinned(project)
    for path in sorted(SDISTS.glob("*.tar.gz")):
        name, _, found = path.name.removesuffix(".tar.gz").rpartition("-")
        if canonical(name) == project and found == version:
            return tarfile.open(path, "r:gz")
    pytest.fail(
        f"the sdist of {project}=={version} is not in {SDISTS.relative_to(ROOT)}/; run scripts/test.sh, which downloads it "
        f"(or: .venv/bin/python -m pip download --no-deps --no-binary :all: {project}=={version} -d .cache/sdists)"
    )


def members(tar: tarfile.TarFile) -> dict[str, str]:
    """Text files by path inside the project (without the `name-version/` prefix)."""
    files = {}
    for member in tar.getmembers():
        path = PurePosixPath(member.name)
        if member.isfile() and len(path.parts) > 1 and path.suffix in {".txt", ".text", ".md", ".py", ".yml"}:
            data = tar.extractfile(member)
            assert data is not None
            files[str(PurePosixPath(*path.parts[1:]))] = data.read().decode("utf-8")
    return files


# Settings written in Python: literals, and extensions and functions of markdown and pymdownx.

TRUSTED = {"markdown", "pymdownx"}


def imported_names(tree: ast.Module) -> dict[str, str]:
    """{local name: dotted path} for the module's absolute imports."""
    names = {}
    for node in tree.body:
        if isinstance(node, ast.Import):
            for alias in node.names:
                names[alias.asname or alias.name.split(".")[0]] = alias.name if alias.asname else alias.name.split(".")[0]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                names[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return names


def evaluate(node: ast.expr, names: dict[str, str]) -> Any:
    """A literal, where names may stand for functions and `XExtension(...)` calls of markdown and pymdownx."""
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.List | ast.Tuple | ast.Set):
        items = [evaluate(e, names) for e in node.elts]
        return tuple(items) if isinstance(node, ast.Tuple) else items
    if isinstance(node, ast.Dict):
        if any(k is None for k in node.keys):
            raise NotLiteralError("**mapping")
        return {evaluate(k, names): evaluate(v, names) for k, v in zip(node.keys, node.values, strict=True)}  # type: ignore[arg-type]
    if isinstance(node, ast.UnaryOp | ast.BinOp):
        try:
            return ast.literal_eval(node)
        except (ValueError, TypeError, SyntaxError) as error:
            raise NotLiteralError(ast.unparse(node)[:80]) from error
    if isinstance(node, ast.Name | ast.Attribute):
        return resolve(trusted_path(node, names))
    if isinstance(node, ast.Call) and not node.args and all(k.arg for k in node.keywords):
        path = trusted_path(node.func, names)
        if isinstance(resolve(path), type) and path.endswith("Extension"):
            config = {k.arg: evaluate(k.value, names) for k in node.keywords}
            return Instance(path, dumps(config), config)
    raise NotLiteralError(ast.unparse(node)[:80])


def trusted_path(node: ast.expr, names: dict[str, str]) -> str:
    parts = []
    while isinstance(node, ast.Attribute):
        parts.insert(0, node.attr)
        node = node.value
    if not (isinstance(node, ast.Name) and node.id in names):
        raise NotLiteralError(ast.unparse(node)[:80])
    path = ".".join([names[node.id], *parts])
    if path.split(".")[0] not in TRUSTED:
        raise NotLiteralError(path)
    return path


def evaluate_or(node: ast.expr, names: dict[str, str], default: Any = None) -> Any:
    try:
        return evaluate(node, names)
    except (NotLiteralError, AttributeError):
        return default


def kwargs_setup(node: ast.expr, names: dict[str, str], base: Setup | None = Setup()) -> Setup | None:
    """The Setup of `Kwargs(...)`, a `{...}` literal or a call's keywords, over `base`; None if not literal."""
    if base is None:
        return None
    configs, options = copy.deepcopy(base.objects) if base.objects else ({}, {})
    kwargs: dict[str, Any] = {"extensions": list(base.extensions), "extension_configs": configs, **options}
    try:
        if isinstance(node, ast.Call):
            for keyword in node.keywords:
                if keyword.arg is None:
                    raise NotLiteralError("**kwargs")
                if keyword.arg != "expected_attrs":
                    kwargs[keyword.arg] = evaluate(keyword.value, names)
        else:
            given = evaluate(node, names)
            if not isinstance(given, dict):
                raise NotLiteralError("kwargs")
            kwargs.update(given)
        return Setup.of(kwargs.pop("extensions"), kwargs.pop("extension_configs"), **kwargs)
    except (NotLiteralError, AttributeError):
        return None


def assignments(node: ast.ClassDef | ast.FunctionDef) -> dict[str, ast.expr]:
    return {t.id: a.value for a in node.body if isinstance(a, ast.Assign) for t in a.targets if isinstance(t, ast.Name)}


# Data files.


def python_markdown_files(files: dict[str, str]) -> list[Input]:
    """`tests/**` inputs, with the settings test_legacy.py gives each directory and file."""
    settings = legacy_settings(files.get("tests/test_legacy.py", ""))
    inputs = []
    for path, text in sorted(files.items()):
        p = PurePosixPath(path)
        if p.parts[0] == "tests" and p.suffix in {".txt", ".text", ".md"}:
            directory = settings.get(str(p.parent), {})
            own = directory.get(p.stem.replace(" ", "_").replace("-", "_"), directory.get("", Setup()))
            inputs.append(Input(path, text, own))
    return inputs


def legacy_settings(source: str) -> dict[str, dict[str, Setup | None]]:
    """{directory: {test name or "": Setup}} from the `LegacyTestCase` classes."""
    result: dict[str, dict[str, Setup | None]] = {}
    tree = ast.parse(source)
    names = imported_names(tree)
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        values = assignments(node)
        location = values.get("location")
        if not (isinstance(location, ast.Call) and location.args and isinstance(location.args[-1], ast.Constant)):
            continue
        directory = str(PurePosixPath("tests", location.args[-1].value))
        default = kwargs_setup(values["default_kwargs"], names) if "default_kwargs" in values else Setup()
        settings: dict[str, Setup | None] = {"": default}
        for name, value in values.items():
            if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id == "Kwargs":
                settings[name] = kwargs_setup(value, names, default)
        result[directory] = settings
    return result


class Unresolved:
    """A `!!python/name:` outside markdown and pymdownx: not imported."""


class SuiteYamlLoader(yaml.SafeLoader):
    """pymdownx's tests.yml, whose `!!python/name:` tags name formatters."""


def python_name(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if suffix.split(".")[0] not in TRUSTED:
        return Unresolved()
    try:
        return resolve(suffix)
    except (NotLiteralError, AttributeError):
        return Unresolved()


SuiteYamlLoader.add_multi_constructor("tag:yaml.org,2002:python/name:", python_name)


def pymdownx_files(files: dict[str, str]) -> list[Input]:
    """`tests/**` inputs (with their tests.yml settings) and `docs/src/markdown/**/*.md`."""
    inputs = []
    for path, text in sorted(files.items()):
        p = PurePosixPath(path)
        if p.parts[0] == "tests" and p.suffix in {".txt", ".md"}:
            cfg_path = str(p.parent / "tests.yml")
            inputs.append(Input(path, text, yml_setup(files[cfg_path], p.stem) if cfg_path in files else None))
        elif p.parts[:3] == ("docs", "src", "markdown") and p.suffix == ".md":
            inputs.append(Input(path, text, None))
    return inputs


def yml_setup(source: str, key: str) -> Setup | None:
    """The settings pymdownx's test_syntax.py builds for one file: `__default__`, then the file's own."""
    cfg = yaml.load(source, Loader=SuiteYamlLoader)  # a SafeLoader that resolves names of markdown and pymdownx only
    extensions = dict((cfg.get("__default__") or {}).get("extensions") or {})
    extensions.update((cfg.get(key) or {}).get("extensions") or {})
    if contains_unresolved(extensions):
        return None
    return Setup.of(list(extensions), {k: v for k, v in extensions.items() if v})


def contains_unresolved(value: Any) -> bool:
    if isinstance(value, Unresolved):
        return True
    if isinstance(value, dict):
        return any(contains_unresolved(v) for v in value.values())
    if isinstance(value, list | tuple):
        return any(contains_unresolved(v) for v in value)
    return False


# Strings in the Python test modules.

RENDER_CALLS = {"assertMarkdownRenders", "check_markdown"}


def module_inputs(files: dict[str, str], project: str) -> list[Input]:
    inputs = []
    for path, source in sorted(files.items()):
        p = PurePosixPath(path)
        if p.parts[0] == "tests" and p.suffix == ".py" and p.name.startswith("test_"):
            inputs += calls_in(path, ast.parse(source), project)
    return inputs


def calls_in(path: str, tree: ast.Module, project: str) -> list[Input]:
    """The first argument of each render call, with its class's and the call's own settings."""
    classes = {node.name: node for node in tree.body if isinstance(node, ast.ClassDef)}
    names = imported_names(tree)

    def base_of(name: str) -> str | None:
        bases = [b.id for b in classes[name].bases if isinstance(b, ast.Name) and b.id in classes]
        return bases[0] if bases else None

    @functools.cache
    def class_setup(name: str) -> Setup | None:
        """Python-Markdown's `default_kwargs`, or pymdownx's `extension` and `extension_configs`, inherited."""
        base_name = base_of(name)
        base = class_setup(base_name) if base_name else Setup()
        values = assignments(classes[name])
        if project == "markdown":
            return kwargs_setup(values["default_kwargs"], names, base) if "default_kwargs" in values else base
        if base is None or not ({"extension", "extension_configs"} & values.keys()):
            return base
        try:
            configs, _ = base.objects or ({}, {})
            extensions = evaluate(values["extension"], names) if "extension" in values else list(base.extensions)
            configs = evaluate(values["extension_configs"], names) if "extension_configs" in values else configs
            return Setup.of(extensions, configs)
        except (NotLiteralError, AttributeError):
            return None

    def class_string(name: str | None, attribute: str) -> str | None:
        """`self.MD`: a string the class (or a base) holds."""
        while name:
            if attribute in (values := assignments(classes[name])):
                return string_of(values[attribute], project, names)
            name = base_of(name)
        return None

    inputs = []
    for cls in classes.values():
        for function in cls.body:
            if not isinstance(function, ast.FunctionDef):
                continue
            local = local_strings(function, project, names)
            for node in ast.walk(function):
                if not (
                    isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in RENDER_CALLS and node.args
                ):
                    continue
                first = node.args[0]
                if isinstance(first, ast.Name):
                    text = local.get(first.id)
                elif isinstance(first, ast.Attribute) and isinstance(first.value, ast.Name) and first.value.id == "self":
                    text = class_string(cls.name, first.attr)
                else:
                    text = string_of(first, project, names)
                if text is None:
                    continue
                if node.func.attr == "check_markdown" and any(
                    k.arg == "dedent" and evaluate_or(k.value, names) is True for k in node.keywords
                ):
                    text = textwrap.dedent(text)
                own = class_setup(cls.name)
                if project == "markdown":
                    own = kwargs_setup(node, names, own)
                inputs.append(Input(f"{path}::{cls.name}::{function.name}:{node.lineno}", text, own))
    return inputs


def string_of(node: ast.expr, project: str, names: dict[str, str]) -> str | None:
    """A string literal, or `dedent(literal)` as the suite's own `dedent` computes it; None otherwise."""
    if isinstance(node, ast.Call) and node.args and getattr(node.func, "attr", getattr(node.func, "id", None)) == "dedent":
        text = string_of(node.args[0], project, names)
        if text is None:
            return None
        own_method = isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name) and node.func.value.id == "self"
        if own_method and project == "markdown":
            return textwrap.dedent(text).strip()  # markdown.test_tools.TestCase.dedent
        strip = (len(node.args) > 1 and evaluate_or(node.args[1], names)) or any(
            k.arg == "strip" and evaluate_or(k.value, names) for k in node.keywords
        )
        return textwrap.dedent(text).strip("\n") if own_method and strip else textwrap.dedent(text)  # tests.util.MdCase.dedent
    if isinstance(node, ast.Constant):
        return node.value if isinstance(node.value, str) else None
    return None


def local_strings(function: ast.FunctionDef, project: str, names: dict[str, str]) -> dict[str, str]:
    """`name = <string>` in a test function, the last one of each name (tests assign before they call)."""
    found: dict[str, str] = {}
    for node in ast.walk(function):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            text = string_of(node.value, project, names)
            if text is not None:
                found[node.targets[0].id] = text
    return found


@functools.cache
def collect(project: str) -> tuple[Input, ...]:
    with sdist(project) as tar:
        files = members(tar)
    data = python_markdown_files(files) if project == "markdown" else pymdownx_files(files)
    return (*data, *module_inputs(files, project))


# Rendering.


@dataclass
class Outcome:
    html: str | None = None
    error: str = ""
    lines: int = 0  # of postkit's work (tests/support/work.py)
    warnings: list[str] = field(default_factory=list)


class Recorder(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def render(text: str, setup: Setup, postkit: str = "") -> Outcome:
    """One render; with postkit, its work is counted and held to a budget (a runaway loop fails, it does not hang)."""
    logger = logging.getLogger("mkdocs.plugins.postkit")
    recorder = Recorder()
    logger.addHandler(recorder)
    counter = WorkCounter(budget=WORK_PER_CHARACTER * (len(text) + 1000)) if postkit else None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            md = markdown.Markdown(**setup.kwargs(postkit))
            html = counter.run(lambda: md.convert(text)) if counter else md.convert(text)
        return Outcome(html, "", counter.lines if counter else 0, recorder.messages)
    except WorkExceeded as error:
        return Outcome(None, f"WorkExceeded: {error}", counter.lines if counter else 0, recorder.messages)
    except Exception as error:
        return Outcome(None, f"{type(error).__name__}: {str(error)[:200]}", counter.lines if counter else 0, recorder.messages)
    finally:
        logger.removeHandler(recorder)


def setups(item: Input) -> list[Setup]:
    own = item.own if item.own is not None else Setup()
    runs = [own, own.with_broad()]
    return [s for i, s in enumerate(runs) if s not in runs[:i]]


def short_diff(expected: str, actual: str) -> str:
    lines = list(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), "without postkit", "with postkit", n=1))
    shown = [line if line.endswith("\n") else line + "\n" for line in lines[:DIFF_LINES]]
    more = f"    ... {len(lines) - DIFF_LINES} more diff lines\n" if len(lines) > DIFF_LINES else ""
    return "".join("    " + line[:300] + ("\n" if len(line) > 300 else "") for line in shown) + more


# The tests.

PROJECTS = ["markdown", "pymdown-extensions"]


@pytest.mark.parametrize("project", PROJECTS)
def test_the_suites_inputs_are_collected(project):
    inputs = collect(project)
    kinds = Counter("module string" if "::" in i.where else "data file" for i in inputs)
    kinds["total"] = len(inputs)
    floors = FLOORS[project]
    assert all(kinds[kind] >= floor for kind, floor in floors.items()), (
        f"too few inputs from the {project} sdist: {dict(kinds)}, expected {floors}"
    )
    with_settings = sum(i.own is not None and bool(i.own.extensions) for i in inputs)
    assert with_settings >= len(inputs) // 3, f"only {with_settings} of {len(inputs)} inputs have their suite's settings: they are misread"


@pytest.mark.parametrize("project", PROJECTS)
def test_inputs_render_identically_with_and_without_postkit(project):
    problems: dict[str, list[str]] = {}  # input -> what differs, per setup
    counts: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    most = (0, "")
    for item in collect(project):
        for setup in setups(item):
            without = render(item.text, setup)
            if without.html is None:
                counts["skipped: raises without postkit too"] += 1
                continue
            for position in POSITIONS:
                counts["comparisons"] += 1
                with_ = render(item.text, setup, position)
                most = max(most, (with_.lines, item.where))
                where = f"[{setup.label()}, mkdocs_postkit.video {position}]"
                found = problems.setdefault(item.where, [])
                if with_.html is None:
                    kinds[f"raises only with postkit: {with_.error}"] += 1
                    found.append(f"{where}\n    raises only with postkit: {with_.error}\n")
                elif with_.html != without.html:
                    kinds["output differs"] += 1
                    found.append(f"{where}\n{short_diff(without.html, with_.html)}")
                elif with_.warnings:
                    kinds["same output, but postkit logs a warning"] += 1
                    found.append(f"{where}\n    same HTML, but postkit logged: {with_.warnings[0][:300]}\n")
    print(f"{project}: {len(collect(project))} inputs, {dict(counts)}, most work of postkit: {most[0]} lines ({most[1]})")
    skipped = counts["skipped: raises without postkit too"]
    assert skipped <= counts["comparisons"] // 10, f"{skipped} renders raise without postkit: the suites' settings are misread"
    differing = {where: found for where, found in problems.items() if found}
    if differing:
        summary = "".join(f"  {n} x {kind[:300]}\n" for kind, n in kinds.most_common())
        shown = [
            f"{where}  {found[0]}" + (f"    (and {len(found) - 1} more setups of this input)\n" if len(found) > 1 else "")
            for where, found in list(differing.items())[:SHOWN]
        ]
        pytest.fail(
            f"{len(differing)} of {len(collect(project))} test inputs of {project} ({sum(kinds.values())} of {counts['comparisons']} "
            f"renders) are not the same with mkdocs_postkit.video:\n{summary}\nThe first {len(shown)}:\n\n" + "\n".join(shown),
            pytrace=False,
        )


# Not in the suites (none of their inputs has one): every backslash escape of ASCII punctuation.
ESCAPES = "".join(f"\\{c} a\\{c}b `\\{c}` *\\{c}*\n\n" for c in sorted(set(string.punctuation)))


@pytest.mark.parametrize("setup", [Setup(), Setup.of(list(BROAD))], ids=["no extensions", "broad"])
def test_backslash_escapes_render_identically_with_and_without_postkit(setup):
    without, with_ = render(ESCAPES, setup), render(ESCAPES, setup, "last")
    assert without.html is not None, without.error
    if with_.html != without.html:
        pytest.fail(
            f"raises only with postkit: {with_.error}" if with_.html is None else "\n" + short_diff(without.html, with_.html), pytrace=False
        )
