/** The sample data set: employees and client companies for demos, local mode and tests. */
export { COMPANY_PARENT_DOMAIN, SAMPLE_COMPANY_COUNT, sampleCompanies } from './companies';
export type { Company, ContactPerson } from './companies';
export { employeeChangeLog, employeesAsRows } from './employee-rows';
export type { EmployeeRow, SampleRow } from './employee-rows';
export { EMPLOYEE_DOMAIN, SAMPLE_CHANGE_DATE, SAMPLE_EMPLOYEE_COUNT, sampleEmployees } from './employees';
export type { Employee } from './employees';
export { flattenCompanies } from './flatten';
export type { CompanyRecipientMode, CompanyRecipientType, CompanyRow } from './flatten';
export { SECTORS } from './places';
export type { SampleCountry, Sector } from './places';
export { asciiName, domainLabel, emailLocalPart, feminineSurname } from './transliterate';
export type { SampleLanguage } from './transliterate';
