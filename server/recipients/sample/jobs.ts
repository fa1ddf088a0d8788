/**
 * Departments, job titles and the relative pay of each title, for the sample employees. Kept in
 * English, the way a group-wide HR system names them, so one filter works across countries.
 */

/** A job title, the department it belongs to and its pay relative to the country's range (0–1). */
export interface Job {
  department: string;
  title: string;
  level: number;
}

const BY_DEPARTMENT: Record<string, Array<[title: string, level: number]>> = {
  'Human Resources': [['HR Assistant', 0.15], ['HR Specialist', 0.35], ['Recruiter', 0.35], ['HR Business Partner', 0.6], ['HR Manager', 0.8]],
  Payroll: [['Payroll Specialist', 0.35], ['Senior Payroll Specialist', 0.5], ['Payroll Manager', 0.75]],
  Finance: [['Accountant', 0.35], ['Financial Analyst', 0.5], ['Controller', 0.7], ['Finance Director', 0.95]],
  Sales: [['Sales Representative', 0.3], ['Key Account Manager', 0.55], ['Sales Manager', 0.75]],
  Marketing: [['Marketing Specialist', 0.35], ['Brand Manager', 0.6]],
  'Customer Service': [['Customer Service Agent', 0.1], ['Customer Service Team Leader', 0.35]],
  IT: [['IT Support Specialist', 0.25], ['Software Developer', 0.55], ['System Administrator', 0.5], ['IT Manager', 0.85]],
  Logistics: [['Dispatcher', 0.15], ['Logistics Coordinator', 0.3], ['Warehouse Supervisor', 0.4], ['Logistics Manager', 0.7]],
  Production: [['Machine Operator', 0.05], ['Quality Inspector', 0.2], ['Shift Supervisor', 0.35], ['Production Engineer', 0.5], ['Plant Manager', 0.9]],
  Purchasing: [['Buyer', 0.35], ['Purchasing Manager', 0.7]],
  Legal: [['Paralegal', 0.3], ['Legal Counsel', 0.75]],
};

/** Every job, grouped by department in a fixed order. */
export const JOBS: readonly Job[] = Object.entries(BY_DEPARTMENT).flatMap(([department, titles]) =>
  titles.map(([title, level]) => ({ department, title, level })),
);

/** Every department name. */
export const DEPARTMENTS: readonly string[] = Object.keys(BY_DEPARTMENT);

/** Titles of contact persons at client companies; the first two are who a company is usually addressed to. */
export const CONTACT_TITLES: readonly string[] = [
  'General Manager', 'Owner', 'Sales Manager', 'Purchasing Manager', 'Finance Director', 'Marketing Manager',
  'Operations Manager', 'Executive Assistant',
];
