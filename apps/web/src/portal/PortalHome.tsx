import { Link } from 'react-router';
import { Logo } from '../brand/Logo.tsx';
import styles from './portal.module.css';

/** The public site's front door. Public services (donate, verify, volunteer) come here later; for now, where staff sign in. */
export default function PortalHome() {
  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <Logo size={30} />
        <span>红十字会 · 博爱</span>
      </header>
      <main className={styles.hero}>
        <Logo size={72} />
        <h1>红十字会 博爱</h1>
        <p className={styles.motto}>人道 · 博爱 · 奉献</p>
        <section className={styles.notice}>
          <h2>公众服务 即将上线</h2>
          <p>在线捐赠、捐赠查询与票据验证、志愿者报名、救助申请等服务正在建设中，敬请期待。</p>
        </section>
        <Link to="/p/my-gifts" className={styles.staff}>
          捐赠查询
        </Link>
        <Link to="/p/disclosure" className={styles.staff}>
          捐赠信息公开
        </Link>
        <Link to="/p/receipts" className={styles.staff}>
          捐赠票据查验
        </Link>
        <Link to="/p/training" className={styles.staff}>
          应急救护培训报名
        </Link>
        <Link to="/p/certificates" className={styles.staff}>
          救护证书核验
        </Link>
        <Link to="/p/aeds" className={styles.staff}>
          附近的 AED
        </Link>
        <Link to="/console/login" className={styles.staff}>
          工作人员登录
        </Link>
      </main>
      <footer className={styles.footer}>© 红十字会 · 博爱 数字红会平台</footer>
    </div>
  );
}
