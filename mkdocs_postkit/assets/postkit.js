// postkit: video links become click-to-play buttons; nothing is requested from
// the video host until the reader asks for the video.
(() => {
  const HOSTS = ["www.youtube-nocookie.com", "player.vimeo.com"];
  const ALLOW = "accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share";

  const title = (el) => el.closest("figure").dataset.title;

  const upgrade = () => {
    for (const link of document.querySelectorAll("a.postkit-video__facade")) {
      const button = document.createElement("button");
      button.type = "button";
      // The page holds every word: the name (data-label) and the print label (data-print).
      for (const { name, value } of link.attributes) button.setAttribute(name == "href" ? "data-href" : name, value);
      button.setAttribute("aria-label", link.dataset.label);
      button.append(...link.childNodes);
      // It plays here now: "Watch on YouTube" would be wrong (and not in the name).
      button.querySelector(".postkit-video__host")?.remove();
      link.replaceWith(button);
    }
  };

  const play = (button) => {
    const url = new URL(button.dataset.embed);
    if (url.protocol !== "https:" || !HOSTS.includes(url.hostname)) return;
    const player = document.createElement("iframe");
    player.className = "postkit-video__player";
    if (button.hasAttribute("style")) player.setAttribute("style", button.getAttribute("style"));
    player.title = title(button);
    player.allow = ALLOW;
    player.allowFullscreen = true;
    // Without a referrer YouTube refuses to play ("Error 153").
    player.referrerPolicy = "strict-origin-when-cross-origin";
    player.src = url.href;
    button.replaceWith(player);
    player.focus();
  };

  // Delegated from the document, so it survives Material's instant navigation.
  document.addEventListener("click", (event) => {
    const button = event.target.closest("button.postkit-video__facade");
    if (button) play(button);
  });

  // `document$` (Material) emits on the first load and after each instant navigation.
  if (window.document$) window.document$.subscribe(upgrade);
  else upgrade();
})();
