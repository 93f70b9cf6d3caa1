import { useCallback, useEffect, useState } from "react";
import { toolsApi, type SecretNameInfo } from "../../client/tools-api";

/** The secret names the server knows (Settings and secret-like environment variables), read on mount and on refresh. */
export function useSecretNames(): { names: SecretNameInfo[]; error: string | null; refresh: () => Promise<void> } {
  const [names, setNames] = useState<SecretNameInfo[]>([]);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(async () => {
    try {
      setNames((await toolsApi.secretNames()).secrets);
      setError(null);
    } catch (failure) {
      setError(`secret names could not be read: ${(failure as Error).message}`);
    }
  }, []);
  useEffect(() => void refresh(), [refresh]);
  return { names, error, refresh };
}
