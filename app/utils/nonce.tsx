import { createContext, useContext, type ReactNode } from "react";

// The per-request CSP nonce, for Remix's inline scripts. Browsers hide nonce attributes from
// scripts, so on the client it is an empty string and hydration still matches.
const NonceContext = createContext("");

export function NonceProvider({ value, children }: { value: string; children: ReactNode }) {
  return <NonceContext.Provider value={value}>{children}</NonceContext.Provider>;
}

export const useNonce = () => useContext(NonceContext);
