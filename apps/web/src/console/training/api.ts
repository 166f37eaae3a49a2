import type {
  BulkImport,
  Certificate,
  ClassDetail,
  ClassSummary,
  Course,
  CreateBaseInput,
  CreateClassInput,
  CreateCourseInput,
  CreateInstructorInput,
  Instructor,
  IssueCertificatesResult,
  RecordResultsInput,
  SetTargetInput,
  Target,
  TargetProgress,
  TraineeImport,
  TrainingBase,
  UpdateCourseInput,
  UpdateInstructorInput,
} from '@boai/contracts';
import { api, queryString, type Query } from '../../lib/api.ts';

export const TRAINING_KEY = ['training'] as const;
type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export const trainingApi = {
  courses: (q: Query = {}) => api.get<Course[]>('/api/training/courses', q),
  createCourse: (body: CreateCourseInput) => api.post<Course>('/api/training/courses', body),
  updateCourse: (id: number, body: UpdateCourseInput) =>
    api.patch<Course>(`/api/training/courses/${id}`, body),
  instructors: (q: Query = {}) => api.get<Instructor[]>('/api/training/instructors', q),
  createInstructor: (body: CreateInstructorInput) => api.post<Instructor>('/api/training/instructors', body),
  updateInstructor: (id: number, body: UpdateInstructorInput) =>
    api.patch<Instructor>(`/api/training/instructors/${id}`, body),
  bases: (q: Query = {}) => api.get<TrainingBase[]>('/api/training/bases', q),
  createBase: (body: CreateBaseInput) => api.post<TrainingBase>('/api/training/bases', body),
  classes: (q: Query) => api.get<Page<ClassSummary>>('/api/training/classes', q),
  classDetail: (id: number) => api.get<ClassDetail>(`/api/training/classes/${id}`),
  createClass: (body: CreateClassInput) => api.post<ClassDetail>('/api/training/classes', body),
  recordResults: (id: number, body: RecordResultsInput) =>
    api.post<ClassDetail>(`/api/training/classes/${id}/results`, body),
  issue: (id: number) => api.post<IssueCertificatesResult>(`/api/training/classes/${id}/certificates`),
  previewImport: (classId: number, body: { fileName: string; contentBase64: string }) =>
    api.post<TraineeImport>(`/api/training/classes/${classId}/imports`, body),
  commitImport: (id: number) =>
    api.post<{ import: TraineeImport; alreadyCommitted: boolean }>(`/api/training/imports/${id}/commit`),
  certificates: (q: Query) => api.get<Page<Certificate>>('/api/training/certificates', q),
  revoke: (id: number, reason: string) =>
    api.post<Certificate>(`/api/training/certificates/${id}/revoke`, { reason }),
  templateUrl: '/api/training/import-template.xlsx',
  rosterUrl: (id: number) => `/api/training/classes/${id}/roster.xlsx`,
  pdfUrl: (id: number) => `/api/training/certificates/${id}/pdf`,
  certificatesXlsxUrl: (q: Query) => `/api/training/certificates.xlsx${queryString(q)}`,
  bulkImport: (id: number) => api.get<BulkImport>(`/api/training/bulk-imports/${id}`),
  targetProgress: (q: { orgId: number; year: number }) =>
    api.get<TargetProgress>('/api/training/targets/progress', q),
  setTarget: (body: SetTargetInput) => api.put<Target>('/api/training/targets', body),
  targetsXlsxUrl: (q: { orgId: number; year: number }) =>
    `/api/training/targets/progress.xlsx${queryString(q)}`,
};
