import type { ReactNode } from 'react';
import { PageContainer } from '@ant-design/pro-components';

/** Every console page's frame: its title and header actions above, content below. */
export function Page({
  title,
  extra,
  children,
}: {
  title: ReactNode;
  extra?: ReactNode[];
  children: ReactNode;
}) {
  return (
    <PageContainer title={title} extra={extra} breadcrumbRender={false}>
      {children}
    </PageContainer>
  );
}
