import { useState, type ReactNode } from 'react';
import { Alert, Button, Grid } from 'antd';
import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { keepPreviousData, useQuery, type QueryKey } from '@tanstack/react-query';
import type { TableProps } from 'antd';
import { useT } from '../../lib/i18n.tsx';
import type { Query } from '../../lib/api.ts';
import { commonDict } from './dict.ts';

export type PageResult<T> = { items: T[]; total?: number };
export type SearchValues = Record<string, unknown>;

export type QueryTableProps<T, P extends Query> = {
  /** The query key prefix; mutations invalidate it to refresh the table. */
  queryKey: QueryKey;
  /** Loads one page (server paging) or everything (client paging). */
  fetch: (params: P & { page: number; pageSize: number }) => Promise<PageResult<T>>;
  /** Turns the search form's values into the API's query parameters. */
  toParams?: (values: SearchValues) => P;
  paging?: 'server' | 'client';
  columns: ProColumns<T>[];
  rowKey: keyof T & string;
  headerTitle?: ReactNode;
  /** Toolbar buttons; they get the current filters (for exports). */
  toolBarRender?: (params: P) => ReactNode[];
  expandable?: TableProps<T>['expandable'];
};

/**
 * The console's one table: a ProTable whose search form, paging and loading state are driven by TanStack Query,
 * so invalidating `queryKey` after a write refreshes it like every other view of the same data.
 */
export function QueryTable<T extends Record<string, unknown>, P extends Query = Query>(
  props: QueryTableProps<T, P>,
) {
  const { queryKey, fetch, toParams = () => ({}) as P, paging = 'server', columns, rowKey } = props;
  const t = useT(commonDict);
  // On a phone, fixed columns would take the whole width: let every column scroll instead.
  const wide = Grid.useBreakpoint().md ?? window.matchMedia('(min-width: 768px)').matches;
  const shownColumns = wide ? columns : columns.map((c) => ({ ...c, fixed: undefined }));
  const [filters, setFilters] = useState<P>(() => toParams({}));
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const params =
    paging === 'server'
      ? { ...filters, page: page.current, pageSize: page.pageSize }
      : { ...filters, page: 1, pageSize: 200 };

  const query = useQuery({
    queryKey: [...queryKey, params],
    queryFn: () => fetch(params),
    placeholderData: keepPreviousData,
  });
  const hasSearch = columns.some(
    (c) => c.search !== false && c.hideInSearch !== true && c.valueType !== 'option',
  );

  const applyFilters = (values: SearchValues) => {
    setFilters(toParams(values));
    setPage((p) => ({ ...p, current: 1 }));
  };

  return (
    <>
      {query.isError && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={query.error.message || t('loadFailed')}
          action={
            <Button size="small" onClick={() => void query.refetch()}>
              {t('retry')}
            </Button>
          }
        />
      )}
      <ProTable<T>
        // ProTable keeps its first column settings: start afresh when the layout class changes.
        key={wide ? 'wide' : 'narrow'}
        rowKey={rowKey}
        columns={shownColumns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        headerTitle={props.headerTitle}
        cardBordered
        search={
          hasSearch
            ? {
                labelWidth: 'auto',
                defaultCollapsed: true,
                span: { xs: 24, sm: 24, md: 12, lg: 8, xl: 8, xxl: 6 },
              }
            : false
        }
        onSubmit={applyFilters}
        onReset={() => applyFilters({})}
        dateFormatter={(value) => value.format('YYYY-MM-DD HH:mm:ss')}
        pagination={
          paging === 'server'
            ? {
                current: page.current,
                pageSize: page.pageSize,
                total: query.data?.total ?? 0,
                showSizeChanger: true,
                onChange: (current, pageSize) => setPage({ current, pageSize }),
              }
            : { defaultPageSize: 20, showSizeChanger: true }
        }
        options={{ reload: () => void query.refetch(), density: false, setting: true }}
        toolBarRender={() => props.toolBarRender?.(filters) ?? []}
        expandable={props.expandable}
        scroll={{ x: 'max-content' }}
      />
    </>
  );
}
