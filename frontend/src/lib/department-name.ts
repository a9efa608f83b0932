import type { DepartmentView } from '../types/api';

/** A department's name in the UI language (Korean unless English is chosen). */
export function departmentName(department: DepartmentView, lang: string): string {
  const name = lang === 'en' ? department.nameEn || department.nameKo : department.nameKo || department.nameEn;
  return name || department.code || '';
}
