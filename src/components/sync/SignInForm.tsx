import { useId, useState, type SubmitEvent } from 'react';
import { normaliseServer, serverProblem } from '../../domain/sync/servers';
import { UserFacingError } from '../../domain/user-error';
import { allowedServers, signIn, type ServerSession } from '../../storage/sync/session';

interface Props {
  /** The button's words, e.g. « Se connecter et synchroniser ». */
  action: string;
  /** The account to propose (reconnecting after the session expired). */
  account?: string | undefined;
  /** What to do with the session; a UserFacingError's message is shown under the form. */
  onSession: (server: string, session: ServerSession) => Promise<void>;
  onCancel?: (() => void) | undefined;
}

/**
 * The network server's address and the account's name and password. The password goes to the server once, to
 * open a session, and is kept nowhere: when the session ends, the user signs in again.
 */
export function SignInForm({ action, account, onSession, onCancel }: Props) {
  const id = useId();
  const [server, setServer] = useState(allowedServers.length === 1 ? allowedServers[0]! : '');
  const [name, setName] = useState(account ?? '');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const wrongServer = serverProblem(server, allowedServers);
    if (wrongServer) return setProblem(wrongServer);
    setBusy(true);
    setProblem(null);
    try {
      const address = normaliseServer(server)!;
      const session = await signIn(address, name, password);
      setPassword('');
      await onSession(address, session);
    } catch (error) {
      setProblem(error instanceof UserFacingError ? error.message : 'La connexion a échoué. Réessayez.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="sign-in" onSubmit={(e) => void submit(e)} noValidate>
      <div className="field">
        <label htmlFor={`${id}-server`}>Serveur du réseau</label>
        <input id={`${id}-server`} type="url" value={server} onChange={(e) => setServer(e.target.value)} placeholder="https://couchdb.exemple.org" autoComplete="url" />
      </div>
      <div className="field">
        <label htmlFor={`${id}-name`}>Identifiant</label>
        <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} autoComplete="username" autoCapitalize="none" spellCheck={false} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-password`}>Mot de passe</label>
        <input id={`${id}-password`} type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" />
      </div>
      <p className="muted">Le mot de passe sert à ouvrir une session sur le serveur ; CAP Progrès ne le garde pas.</p>
      {problem && (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Connexion…' : action}
        </button>
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel}>
            Annuler
          </button>
        )}
      </div>
    </form>
  );
}
