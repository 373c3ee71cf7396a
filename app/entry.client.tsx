import { RemixBrowser } from "@remix-run/react";
import { StrictMode, startTransition } from "react";
import { hydrateRoot } from "react-dom/client";
import { isLocale } from "./i18n/config";
import { loadTranslations } from "./i18n/load.client";
import { partsForPath } from "./i18n/parts";

// The page's strings first (its locale only, the manage part only under /manage): hydrating
// without them would replace the server's text with keys. The server-rendered page works meanwhile.
const lang = document.documentElement.lang;
loadTranslations(isLocale(lang) ? lang : "vi", partsForPath(window.location.pathname))
  .catch(() => {}) // offline: hydrate anyway; a missing string shows its key until the next load
  .then(() =>
    startTransition(() => {
      hydrateRoot(
        document,
        <StrictMode>
          <RemixBrowser />
        </StrictMode>,
      );
    }),
  );
