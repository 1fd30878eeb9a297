import { useSession } from '../../session/useSession';

/** Whether the signed-in member may change settings (the owner always may; others when allowed). */
export function useCanManage(): boolean {
  const session = useSession();
  // An older server without canManage: the server still decides (403), so don't lock the form here.
  return session.status === 'active' && session.user.canManage !== false;
}
