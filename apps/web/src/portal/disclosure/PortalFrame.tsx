import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { LeftOutlined } from '@ant-design/icons';
import { Logo } from '../../brand/Logo.tsx';
import styles from '../portal.module.css';

/** A public page on a phone: the red header with its title and a way back, content in one column. */
export function PortalFrame({
  title,
  back,
  children,
}: {
  title: string;
  back?: string;
  children: ReactNode;
}) {
  return (
    <div className={styles.page}>
      <header className={styles.header}>
        {back ? (
          <Link to={back} aria-label="返回" style={{ color: '#fff', display: 'flex' }}>
            <LeftOutlined />
          </Link>
        ) : (
          <Logo size={30} />
        )}
        <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{title}</span>
      </header>
      <main style={{ padding: 12, maxWidth: 720, width: '100%', margin: '0 auto', boxSizing: 'border-box' }}>
        {children}
      </main>
      <footer className={styles.footer}>
        公示内容发布后不可更改，更正以冲减行在后续公示中列出。为保护捐赠人隐私，未同意公开姓名的个人显示为“张*三”，匿名捐赠显示为“爱心人士”。
      </footer>
    </div>
  );
}
