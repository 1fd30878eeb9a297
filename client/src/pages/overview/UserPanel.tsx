import { Badge, Panel } from '@bigcommerce/big-design';
import type { SessionUser } from '../../../../server/api/contract';
import { DetailList } from '../../components/DetailList';
import { memberCountLabel } from './format';

export function UserPanel({ user, memberCount }: { user: SessionUser; memberCount: number }) {
  const role = user.role === 'owner' ? <Badge label="Owner" variant="primary" /> : <Badge label="User" variant="secondary" />;

  return (
    <Panel header="Signed in as">
      <DetailList
        rows={[
          { label: 'Email', value: user.email },
          { label: 'Role', value: role },
          { label: 'Team', value: memberCountLabel(memberCount) },
        ]}
      />
    </Panel>
  );
}
