import type { CreateEmployeeBody, Employee, UpdateEmployeeBody } from '../../../contracts/employees.ts';
import { api } from '../../lib/api.ts';
import { decodeCsv } from '../../lib/decode-csv.ts';

export const employeeKeys = {
  list: (unitId: string | null) => ['employees', unitId] as const,
};

export const employeesApi = {
  list: async (unitId: string) =>
    (await api.get<{ employees: Employee[] }>(`/api/units/${unitId}/employees`)).employees,
  create: (unitId: string, body: Partial<CreateEmployeeBody>) =>
    api.post<Employee>(`/api/units/${unitId}/employees`, body),
  update: (id: string, body: Partial<UpdateEmployeeBody> & { version: number }) =>
    api.patch<Employee>(`/api/employees/${id}`, body),
  import: (unitId: string, body: { format: 'csv' | 'xlsx'; content: string }) =>
    api.post<{ created: number; linked: number }>(`/api/units/${unitId}/employees/import`, body),
};

/** A file as the import route takes it: CSV as text, XLSX as base64. */
export const readImportFile = async (file: File): Promise<{ format: 'csv' | 'xlsx'; content: string }> => {
  if (/\.xlsx$/i.test(file.name)) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000)
      binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return { format: 'xlsx', content: btoa(binary) };
  }
  return { format: 'csv', content: decodeCsv(new Uint8Array(await file.arrayBuffer())) };
};
