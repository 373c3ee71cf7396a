import { createContext, type ReactNode, useContext, useState } from "react";

/**
 * Per-request facts the server render needs outside loaders: the CSP nonce for Remix's inline
 * scripts, and the request id shown on the error page (which must work even when the root
 * loader itself failed). On the client both are empty: browsers hide nonce attributes, and
 * the request id is read back from the server-rendered page.
 */
interface RequestInfo {
  nonce: string;
  requestId: string;
}

const RequestInfoContext = createContext<RequestInfo>({ nonce: "", requestId: "" });

export function RequestInfoProvider({ value, children }: { value: RequestInfo; children: ReactNode }) {
  return <RequestInfoContext.Provider value={value}>{children}</RequestInfoContext.Provider>;
}

export const useNonce = () => useContext(RequestInfoContext).nonce;

/** The id of the request that rendered this page, on the server and after hydration alike. */
export function useRequestId(): string | null {
  const fromServer = useContext(RequestInfoContext).requestId;
  const [requestId] = useState(
    () =>
      fromServer ||
      (typeof document === "undefined"
        ? null
        : document.querySelector("[data-request-id]")?.getAttribute("data-request-id")) ||
      null,
  );
  return requestId;
}
