"""Every word postkit shows a reader, in the languages it ships, overridable per site.

One table: the Markdown extension writes these into the page (the script and the
print stylesheet read them from there), and the MkDocs plugin writes the
position line and the video list from it. Warnings for the author stay in
English, like MkDocs' own.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, field

# The fields each message may use; an override that names another field is refused.
FIELDS: dict[str, frozenset[str]] = {
    "play": frozenset({"title"}),  # the button's accessible name, once the script has made the facade a button
    "watch": frozenset({"host"}),  # under the title of a facade without script: where the link goes
    "print": frozenset(),  # printed before the video's address in place of the player
    "download": frozenset({"title"}),  # the link inside <video> for browsers that cannot play it
    "unavailable": frozenset({"title"}),  # an embed that cannot be shown
    "unavailable_at": frozenset({"title", "address"}),  # the same, with the address it had
    "frame": frozenset(),  # another site's frame without a title (a map, a form), where a link stands in for it
    "frame_unavailable": frozenset({"title"}),  # such a frame that cannot be shown, without an address
    "frame_unavailable_at": frozenset({"title", "address"}),  # the same, with the address it had
    "video": frozenset(),  # the label of a video that has no title at all
    "untitled": frozenset({"host"}),  # the title of a player whose embed code gives none
    "untitled_playlist": frozenset({"host"}),
    "untitled_file": frozenset(),
    "part": frozenset({"number", "total"}),  # the position line; "" leaves it out
    "reading_time": frozenset({"minutes"}),  # "" leaves it out
    "videos_title": frozenset(),  # the generated page of all videos
    "videos_intro": frozenset(),
    "no_videos": frozenset(),
}

MESSAGES: dict[str, dict[str, str]] = {
    "en": {
        "play": "Play video: {title}",
        "watch": "Watch on {host}",
        "print": "Video:",
        "download": "Download the video: {title}",
        "unavailable": "{title} (video unavailable)",
        "unavailable_at": "{title} (video unavailable: {address})",
        "frame": "Embedded content",
        "frame_unavailable": "{title} (not shown)",
        "frame_unavailable_at": "{title} (not shown: {address})",
        "video": "Video",
        "untitled": "{host} video",
        "untitled_playlist": "{host} playlist",
        "untitled_file": "Video file",
        "part": "Part {number} of {total}",
        "reading_time": "{minutes} min read",
        "videos_title": "All videos",
        "videos_intro": "Every video of this site, in reading order. Each link opens the part where the video plays.",
        "no_videos": "This site has no videos yet.",
    },
    "de": {
        "play": "Video abspielen: {title}",
        "watch": "Auf {host} ansehen",
        "print": "Video:",
        "download": "Video herunterladen: {title}",
        "unavailable": "{title} (Video nicht verfügbar)",
        "unavailable_at": "{title} (Video nicht verfügbar: {address})",
        "frame": "Eingebetteter Inhalt",
        "frame_unavailable": "{title} (nicht angezeigt)",
        "frame_unavailable_at": "{title} (nicht angezeigt: {address})",
        "video": "Video",
        "untitled": "{host}-Video",
        "untitled_playlist": "{host}-Playlist",
        "untitled_file": "Videodatei",
        "part": "Teil {number} von {total}",
        "reading_time": "{minutes} Min. Lesezeit",
        "videos_title": "Alle Videos",
        "videos_intro": "Alle Videos dieser Website in Lesereihenfolge. Jeder Link öffnet den Teil, in dem das Video läuft.",
        "no_videos": "Diese Website hat noch keine Videos.",
    },
    "fr": {
        "play": "Lire la vidéo : {title}",
        "watch": "Regarder sur {host}",
        "print": "Vidéo :",
        "download": "Télécharger la vidéo : {title}",
        "unavailable": "{title} (vidéo indisponible)",
        "unavailable_at": "{title} (vidéo indisponible : {address})",
        "frame": "Contenu intégré",
        "frame_unavailable": "{title} (non affiché)",
        "frame_unavailable_at": "{title} (non affiché : {address})",
        "video": "Vidéo",
        "untitled": "Vidéo {host}",
        "untitled_playlist": "Playlist {host}",
        "untitled_file": "Fichier vidéo",
        "part": "Partie {number} sur {total}",
        "reading_time": "{minutes} min de lecture",
        "videos_title": "Toutes les vidéos",
        "videos_intro": "Toutes les vidéos de ce site, dans l’ordre de lecture. Chaque lien ouvre la partie où la vidéo se trouve.",
        "no_videos": "Ce site n’a pas encore de vidéos.",
    },
    "es": {
        "play": "Reproducir vídeo: {title}",
        "watch": "Ver en {host}",
        "print": "Vídeo:",
        "download": "Descargar el vídeo: {title}",
        "unavailable": "{title} (vídeo no disponible)",
        "unavailable_at": "{title} (vídeo no disponible: {address})",
        "frame": "Contenido incrustado",
        "frame_unavailable": "{title} (no se muestra)",
        "frame_unavailable_at": "{title} (no se muestra: {address})",
        "video": "Vídeo",
        "untitled": "Vídeo de {host}",
        "untitled_playlist": "Lista de {host}",
        "untitled_file": "Archivo de vídeo",
        "part": "Parte {number} de {total}",
        "reading_time": "{minutes} min de lectura",
        "videos_title": "Todos los vídeos",
        "videos_intro": "Todos los vídeos de este sitio, en orden de lectura. Cada enlace abre la parte donde se reproduce el vídeo.",
        "no_videos": "Este sitio aún no tiene vídeos.",
    },
    "pt": {
        "play": "Reproduzir vídeo: {title}",
        "watch": "Ver no {host}",
        "print": "Vídeo:",
        "download": "Baixar o vídeo: {title}",
        "unavailable": "{title} (vídeo indisponível)",
        "unavailable_at": "{title} (vídeo indisponível: {address})",
        "frame": "Conteúdo incorporado",
        "frame_unavailable": "{title} (não exibido)",
        "frame_unavailable_at": "{title} (não exibido: {address})",
        "video": "Vídeo",
        "untitled": "Vídeo do {host}",
        "untitled_playlist": "Playlist do {host}",
        "untitled_file": "Arquivo de vídeo",
        "part": "Parte {number} de {total}",
        "reading_time": "{minutes} min de leitura",
        "videos_title": "Todos os vídeos",
        "videos_intro": "Todos os vídeos deste site, em ordem de leitura. Cada link abre a parte onde o vídeo é exibido.",
        "no_videos": "Este site ainda não tem vídeos.",
    },
    "it": {
        "play": "Riproduci video: {title}",
        "watch": "Guarda su {host}",
        "print": "Video:",
        "download": "Scarica il video: {title}",
        "unavailable": "{title} (video non disponibile)",
        "unavailable_at": "{title} (video non disponibile: {address})",
        "frame": "Contenuto incorporato",
        "frame_unavailable": "{title} (non mostrato)",
        "frame_unavailable_at": "{title} (non mostrato: {address})",
        "video": "Video",
        "untitled": "Video di {host}",
        "untitled_playlist": "Playlist di {host}",
        "untitled_file": "File video",
        "part": "Parte {number} di {total}",
        "reading_time": "{minutes} min di lettura",
        "videos_title": "Tutti i video",
        "videos_intro": "Tutti i video di questo sito, in ordine di lettura. Ogni link apre la parte in cui si trova il video.",
        "no_videos": "Questo sito non ha ancora video.",
    },
    "nl": {
        "play": "Video afspelen: {title}",
        "watch": "Bekijken op {host}",
        "print": "Video:",
        "download": "De video downloaden: {title}",
        "unavailable": "{title} (video niet beschikbaar)",
        "unavailable_at": "{title} (video niet beschikbaar: {address})",
        "frame": "Ingesloten inhoud",
        "frame_unavailable": "{title} (niet getoond)",
        "frame_unavailable_at": "{title} (niet getoond: {address})",
        "video": "Video",
        "untitled": "{host}-video",
        "untitled_playlist": "{host}-afspeellijst",
        "untitled_file": "Videobestand",
        "part": "Deel {number} van {total}",
        "reading_time": "{minutes} min lezen",
        "videos_title": "Alle video’s",
        "videos_intro": "Alle video’s van deze site, in leesvolgorde. Elke link opent het deel waarin de video speelt.",
        "no_videos": "Deze site heeft nog geen video’s.",
    },
    "pl": {
        "play": "Odtwórz wideo: {title}",
        "watch": "Obejrzyj w serwisie {host}",
        "print": "Wideo:",
        "download": "Pobierz wideo: {title}",
        "unavailable": "{title} (wideo niedostępne)",
        "unavailable_at": "{title} (wideo niedostępne: {address})",
        "frame": "Osadzona treść",
        "frame_unavailable": "{title} (nie wyświetlono)",
        "frame_unavailable_at": "{title} (nie wyświetlono: {address})",
        "video": "Wideo",
        "untitled": "Wideo {host}",
        "untitled_playlist": "Playlista {host}",
        "untitled_file": "Plik wideo",
        "part": "Część {number} z {total}",
        "reading_time": "{minutes} min czytania",
        "videos_title": "Wszystkie wideo",
        "videos_intro": "Wszystkie wideo tej witryny w kolejności czytania. Każdy link otwiera część, w której jest wideo.",
        "no_videos": "Ta witryna nie ma jeszcze wideo.",
    },
    "ja": {
        "play": "動画を再生: {title}",
        "watch": "{host} で見る",
        "print": "動画:",
        "download": "動画をダウンロード: {title}",
        "unavailable": "{title}（動画を表示できません）",
        "unavailable_at": "{title}（動画を表示できません: {address}）",
        "frame": "埋め込みコンテンツ",
        "frame_unavailable": "{title}（表示されません）",
        "frame_unavailable_at": "{title}（表示されません: {address}）",
        "video": "動画",
        "untitled": "{host} の動画",
        "untitled_playlist": "{host} の再生リスト",
        "untitled_file": "動画ファイル",
        "part": "パート {number} / {total}",
        "reading_time": "{minutes} 分で読めます",
        "videos_title": "すべての動画",
        "videos_intro": "このサイトのすべての動画を読む順に並べました。各リンクは動画のあるパートを開きます。",
        "no_videos": "このサイトにはまだ動画がありません。",
    },
    "ko": {
        "play": "동영상 재생: {title}",
        "watch": "{host}에서 보기",
        "print": "동영상:",
        "download": "동영상 다운로드: {title}",
        "unavailable": "{title} (동영상을 사용할 수 없음)",
        "unavailable_at": "{title} (동영상을 사용할 수 없음: {address})",
        "frame": "삽입된 콘텐츠",
        "frame_unavailable": "{title} (표시되지 않음)",
        "frame_unavailable_at": "{title} (표시되지 않음: {address})",
        "video": "동영상",
        "untitled": "{host} 동영상",
        "untitled_playlist": "{host} 재생목록",
        "untitled_file": "동영상 파일",
        "part": "{total}부 중 {number}부",
        "reading_time": "{minutes}분 분량",
        "videos_title": "모든 동영상",
        "videos_intro": "이 사이트의 모든 동영상을 읽는 순서대로 모았습니다. 각 링크는 동영상이 있는 부분을 엽니다.",
        "no_videos": "이 사이트에는 아직 동영상이 없습니다.",
    },
    "zh": {
        "play": "播放视频：{title}",
        "watch": "在 {host} 上观看",
        "print": "视频：",
        "download": "下载视频：{title}",
        "unavailable": "{title}（视频不可用）",
        "unavailable_at": "{title}（视频不可用：{address}）",
        "frame": "嵌入内容",
        "frame_unavailable": "{title}（未显示）",
        "frame_unavailable_at": "{title}（未显示：{address}）",
        "video": "视频",
        "untitled": "{host} 视频",
        "untitled_playlist": "{host} 播放列表",
        "untitled_file": "视频文件",
        "part": "第 {number} 部分，共 {total} 部分",
        "reading_time": "阅读约需 {minutes} 分钟",
        "videos_title": "所有视频",
        "videos_intro": "本站的所有视频，按阅读顺序排列。每个链接都会打开视频所在的部分。",
        "no_videos": "本站还没有视频。",
    },
}


class MessageError(ValueError):
    """An override that cannot be used; the message says which and why."""


def fields_of(template: str) -> set[str]:
    """The `{field}` names a message uses (`{{` and `}}` are literal braces).

    Only plain `{name}` fields: a format spec or conversion can fail when the message is
    filled (`{title:d}`) or blow a page up (`{number:>100000}`), and attribute or index
    access reaches past the value.
    """
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as error:  # a lone "{" or "}"
        raise MessageError(f"{template!r} is not a valid message ({error}); write a literal brace as {{{{ or }}}}") from None
    names = set()
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if spec or conversion is not None or not name.isidentifier():
            written = "{" + name + (f"!{conversion}" if conversion is not None else "") + (f":{spec}" if spec else "") + "}"
            written = written if len(written) <= 40 else written[:39] + "…}"
            raise MessageError(
                f"{written} is not a plain field; a message may use only plain {{name}} fields, "
                "without format spec, conversion, attribute or index"
            )
        names.add(name)
    return names


def language_of(language: str | None) -> str:
    """The shipped language closest to a theme's: `pt-BR` reads `pt`, `zh_TW` reads `zh`; else English."""
    code = (language or "en").replace("_", "-").lower()
    for candidate in (code, code.split("-")[0]):
        if candidate in MESSAGES:
            return candidate
    return "en"


def site_language(plugin: object, extension: object, theme: Mapping[str, object]) -> str:
    """The language of a site's words, in both engines: the plugin's `language`, else the
    extension's, else the theme's (`language`, or MkDocs' `locale`), else English."""
    return str(plugin or extension or theme.get("language") or theme.get("locale") or "en")


def site_messages(extension: Mapping[str, str], plugin: Mapping[str, str]) -> dict[str, str]:
    """The overrides of a site, in both engines: each message is the plugin's, else the extension's
    (else, in `Messages`, the shipped one). The players and the position line read the same."""
    return dict(extension) | dict(plugin)


@dataclass(frozen=True)
class Messages:
    """The messages of one site: a shipped language, with the site's overrides on top."""

    language: str = "en"
    overrides: Mapping[str, str] = field(default_factory=dict)
    table: Mapping[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for key, template in self.overrides.items():
            if key not in FIELDS:
                raise MessageError(f"there is no message {key!r}; the messages are: {', '.join(FIELDS)}")
            if not isinstance(template, str):
                raise MessageError(f"the message {key!r} must be text, not {type(template).__name__}")
            unknown = fields_of(template) - FIELDS[key]
            if unknown:
                allowed = ", ".join("{" + name + "}" for name in sorted(FIELDS[key])) or "none"
                raise MessageError(f"the message {key!r} uses {{{sorted(unknown)[0]}}}, which it cannot fill (it may use: {allowed})")

        # Looked up once: every facade of every page asks for several messages.
        object.__setattr__(self, "table", MESSAGES[language_of(self.language)] | dict(self.overrides))

    @property
    def shipped(self) -> str:
        return language_of(self.language)

    def template(self, key: str) -> str:
        return self.table[key]

    def __call__(self, key: str, **values: object) -> str:
        """The message filled in: values are inserted as text (the caller escapes where it writes)."""
        return self.template(key).format(**values)
