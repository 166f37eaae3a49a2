import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Card, Col, Empty, Row } from 'antd';
import { useT } from '../../lib/i18n.tsx';
import { Page } from '../common/Page.tsx';
import { useOrgs } from './api.ts';
import { orgsDict } from './dict.ts';
import { OrgDetails, type OrgAction } from './OrgDetails.tsx';
import { CreateChildOrgForm, DeactivateOrgForm, EditOrgForm, MoveOrgForm } from './OrgForms.tsx';
import { OrgTreePanel } from './OrgTreePanel.tsx';
import { buildOrgTree } from './tree.ts';

/** 组织机构: the society tree on the left, the chosen society on the right. The choice lives in the URL (?id=). */
export default function OrgsPage() {
  const t = useT(orgsDict);
  const [showInactive, setShowInactive] = useState(false);
  const [params, setParams] = useSearchParams();
  const [action, setAction] = useState<OrgAction | null>(null);
  const orgs = useOrgs(showInactive);
  const list = useMemo(() => orgs.data ?? [], [orgs.data]);

  const requested = Number(params.get('id')) || undefined;
  const selected = list.find((o) => o.id === requested) ?? buildOrgTree(list)[0];
  const parentName = list.find((o) => o.id === selected?.parentId)?.name;
  const select = (id: number) => setParams({ id: String(id) }, { replace: true });
  const close = () => setAction(null);

  return (
    <Page title={t('title')}>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={10} lg={8}>
          <OrgTreePanel
            orgs={list}
            loading={orgs.isPending}
            selectedId={selected?.id}
            onSelect={select}
            showInactive={showInactive}
            onShowInactive={setShowInactive}
          />
        </Col>
        <Col xs={24} md={14} lg={16}>
          {selected ? (
            <OrgDetails org={selected} parentName={parentName} onAction={setAction} />
          ) : (
            <Card>
              <Empty description={orgs.isPending ? undefined : t('noSelection')} />
            </Card>
          )}
        </Col>
      </Row>
      {selected && (
        <>
          <CreateChildOrgForm
            org={selected}
            open={action === 'create'}
            onClose={close}
            onCreated={(created) => select(created.id)}
          />
          <EditOrgForm org={selected} open={action === 'edit'} onClose={close} />
          <MoveOrgForm org={selected} orgs={list} open={action === 'move'} onClose={close} />
          {/* A deactivated society stays in view (greyed) rather than vanishing from the tree. */}
          <DeactivateOrgForm
            org={selected}
            open={action === 'deactivate'}
            onClose={close}
            onDeactivated={() => {
              setShowInactive(true);
              select(selected.id);
            }}
          />
        </>
      )}
    </Page>
  );
}
