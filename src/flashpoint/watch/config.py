"""What to watch and how: sources, schedule, thresholds and channels, from a watch file or the command line.

A watch file is YAML; every setting it leaves out comes from `resources/watch.yaml`. Sources are
`feed:` URLs (RSS/Atom), `sitemap:` URLs and `folder:` paths, each with its own interval, outlet and
language. A bad watch file is one clear error naming the file and the field.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from flashpoint.ingest.sources import is_url

KINDS = ("feed", "sitemap", "folder")


class ConfigError(ValueError):
    """A watch file or option that cannot be used; the message names it."""


def defaults() -> dict[str, Any]:
    text = resources.files("flashpoint.resources").joinpath("watch.yaml").read_text(encoding="utf-8")
    loaded: dict[str, Any] = yaml.safe_load(text)
    return loaded


@dataclass(frozen=True)
class Source:
    kind: str  # feed, sitemap or folder
    target: str  # URL or folder path
    interval_s: float
    timeout_s: float
    outlet: str | None = None
    language: str | None = None

    @property
    def id(self) -> str:
        return hashlib.sha256(f"{self.kind}\n{self.target}".encode()).hexdigest()[:24]

    @property
    def name(self) -> str:
        return self.outlet or self.target


@dataclass
class Webhook:
    url: str
    secret: str | None = None
    max_attempts: int = 8
    retry_base_s: float = 5.0
    timeout_s: float = 10.0


@dataclass
class Smtp:
    host: str
    port: int
    sender: str
    to: list[str]
    username: str | None = None
    password: str | None = None
    starttls: bool = False
    timeout_s: float = 20.0
    max_attempts: int = 8
    retry_base_s: float = 5.0


@dataclass
class Thresholds:
    escalation: bool = True
    escalation_recent_days: int = 7
    disputed_figures: bool = True
    story_outlets: int = 3


@dataclass
class WatchConfig:
    sources: list[Source] = field(default_factory=list)
    thresholds: Thresholds = field(default_factory=Thresholds)
    stdout: bool = True
    webhook: Webhook | None = None
    smtp: Smtp | None = None
    allow_private: bool = False
    trusted_hosts: list[str] = field(default_factory=list)
    max_backoff_s: float = 3600.0
    lease_s: float = 300.0
    max_item_attempts: int = 3

    @property
    def channels(self) -> list[str]:
        return [name for name, on in (("stdout", self.stdout), ("webhook", self.webhook is not None),
                                      ("smtp", self.smtp is not None)) if on]


def _number(where: str, value: Any, minimum: float = 0.0) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < minimum:
        raise ConfigError(f"{where}: expected a number of at least {minimum:g}, got {value!r}")
    return float(value)


def _secret(where: str, spec: dict[str, Any], name: str) -> str | None:
    """A secret given inline or, better, by the name of an environment variable (`<name>_env`)."""
    env = spec.get(f"{name}_env")
    if env:
        if env not in os.environ:
            raise ConfigError(f"{where}.{name}_env: environment variable {env} is not set")
        return os.environ[env]
    value = spec.get(name)
    return str(value) if value is not None else None


def source_from_spec(spec: Any, base: dict[str, Any], where: str, root: Path | None = None) -> Source:
    """One source entry of a watch file: `{feed|sitemap|folder: target, interval_s?, outlet?, language?}`,
    or a bare string (a URL is a feed, anything else a folder)."""
    if isinstance(spec, str):
        spec = {"feed" if is_url(spec) else "folder": spec}
    if not isinstance(spec, dict):
        raise ConfigError(f"{where}: expected a mapping such as {{feed: URL}}, got {type(spec).__name__}")
    kinds = [k for k in KINDS if k in spec]
    if len(kinds) != 1:
        raise ConfigError(f"{where}: give exactly one of feed, sitemap or folder")
    kind = kinds[0]
    target = str(spec[kind]).strip()
    unknown = set(spec) - {kind, "interval_s", "interval", "timeout_s", "outlet", "language"}
    if unknown:
        raise ConfigError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    if kind in ("feed", "sitemap"):
        if not is_url(target) or not target.lower().startswith(("http://", "https://")):
            raise ConfigError(f"{where}: {kind} must be an http(s) URL, got {target!r}")
    else:
        path = Path(target).expanduser()
        if root is not None and not path.is_absolute():
            path = root / path
        target = str(path)
    interval = spec.get("interval_s", spec.get("interval", base["interval_s"]))
    return Source(kind=kind, target=target, interval_s=_number(f"{where}.interval_s", interval, 0.0),
                  timeout_s=_number(f"{where}.timeout_s", spec.get("timeout_s", base["timeout_s"]), 0.1),
                  outlet=str(spec["outlet"]) if spec.get("outlet") else None,
                  language=str(spec["language"]) if spec.get("language") else None)


def _base(data: dict[str, Any], where: str) -> dict[str, Any]:
    """The defaults with the file's top-level timings and attempts over them (each a number)."""
    base = defaults()
    for key in ("interval_s", "timeout_s", "max_backoff_s", "lease_s", "max_item_attempts"):
        if key in data:
            base[key] = _number(f"{where}: {key}", data[key], 0.0)
    return base


def _sources(data: dict[str, Any], base: dict[str, Any], where: str, root: Path | None) -> list[Source]:
    raw_sources = data.get("sources") or []
    if not isinstance(raw_sources, list):
        raise ConfigError(f"{where}: sources must be a list")
    return [source_from_spec(s, base, f"{where}: sources[{i}]", root) for i, s in enumerate(raw_sources)]


def _thresholds(data: dict[str, Any], base: dict[str, Any], where: str) -> Thresholds:
    """The file's thresholds over the defaults; a missing count is 0."""
    th_spec = {**base["thresholds"], **(data.get("thresholds") or {})}
    return Thresholds(escalation=bool(th_spec.get("escalation")),
                      escalation_recent_days=int(_number(f"{where}: thresholds.escalation_recent_days",
                                                         th_spec.get("escalation_recent_days") or 0)),
                      disputed_figures=bool(th_spec.get("disputed_figures")),
                      story_outlets=int(_number(f"{where}: thresholds.story_outlets",
                                                th_spec.get("story_outlets") or 0)))


def _channels(data: dict[str, Any], where: str) -> dict[str, Any]:
    """The channels mapping, refusing a channel this watcher cannot send to (a typo would silence alerts)."""
    channels = data.get("channels") or {}
    if not isinstance(channels, dict):
        raise ConfigError(f"{where}: channels must be a mapping")
    unknown = set(channels) - {"stdout", "webhook", "smtp"}
    if unknown:
        raise ConfigError(f"{where}: unknown channel(s) {', '.join(sorted(unknown))} (stdout, webhook, smtp)")
    return channels


def _webhook(spec: Any, base: dict[str, Any], where: str) -> Webhook:
    """A webhook channel from a URL or a mapping; what it leaves out comes from the defaults."""
    spec = {"url": spec} if isinstance(spec, str) else spec
    url = str(spec.get("url") or "")
    if not url.lower().startswith(("http://", "https://")):
        raise ConfigError(f"{where}: channels.webhook.url must be an http(s) URL")
    wd = {**base["webhook"], **spec}
    return Webhook(url=url, secret=_secret(f"{where}: channels.webhook", spec, "secret"),
                   max_attempts=int(_number(f"{where}: channels.webhook.max_attempts", wd["max_attempts"], 1)),
                   retry_base_s=_number(f"{where}: channels.webhook.retry_base_s", wd["retry_base_s"]),
                   timeout_s=_number(f"{where}: channels.webhook.timeout_s", wd["timeout_s"], 0.1))


def _smtp(spec: dict[str, Any], base: dict[str, Any], where: str) -> Smtp:
    """An e-mail channel: host, from and to are needed; its retries default to the webhook's."""
    sd = {**base["smtp"], **spec}
    to = spec.get("to")
    to = [to] if isinstance(to, str) else to
    if not spec.get("host") or not spec.get("from") or not to:
        raise ConfigError(f"{where}: channels.smtp needs host, from and to")
    return Smtp(host=str(spec["host"]), port=int(_number(f"{where}: channels.smtp.port", sd["port"], 1)),
                sender=str(spec["from"]), to=[str(t) for t in to], username=spec.get("username"),
                password=_secret(f"{where}: channels.smtp", spec, "password"),
                starttls=bool(spec.get("starttls")),
                timeout_s=_number(f"{where}: channels.smtp.timeout_s", sd["timeout_s"], 0.1),
                max_attempts=int(_number(f"{where}: channels.smtp.max_attempts",
                                         spec.get("max_attempts", base["webhook"]["max_attempts"]), 1)),
                retry_base_s=_number(f"{where}: channels.smtp.retry_base_s",
                                     spec.get("retry_base_s", base["webhook"]["retry_base_s"])))


def _trusted_hosts(data: dict[str, Any], where: str) -> list[str]:
    trusted = data.get("trusted_hosts") or []
    if not isinstance(trusted, list):
        raise ConfigError(f"{where}: trusted_hosts must be a list of host names")
    return [str(h) for h in trusted]


def build_config(data: dict[str, Any], where: str = "watch file", root: Path | None = None) -> WatchConfig:
    """A WatchConfig from a parsed watch file (or the same shape built from command-line options)."""
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: expected a mapping at the top level")
    base = _base(data, where)
    sources = _sources(data, base, where, root)
    thresholds = _thresholds(data, base, where)
    channels = _channels(data, where)
    webhook = _webhook(channels["webhook"], base, where) if channels.get("webhook") else None
    smtp = _smtp(channels["smtp"], base, where) if channels.get("smtp") else None
    return WatchConfig(sources=sources, thresholds=thresholds, stdout=bool(channels.get("stdout", True)),
                       webhook=webhook, smtp=smtp, allow_private=bool(data.get("allow_private", False)),
                       trusted_hosts=_trusted_hosts(data, where), max_backoff_s=float(base["max_backoff_s"]),
                       lease_s=float(base["lease_s"]), max_item_attempts=int(base["max_item_attempts"]))


def load_watch_file(path: str | Path) -> WatchConfig:
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}") from exc
    return build_config(data if data is not None else {}, str(path), path.parent)
