import { DirectoryGroup, DirectoryMember, DirectoryUser } from "./directory";
import { badRequest } from "./errors";
import { applySelect } from "./odata";

const USER_DEFAULTS = [
  "businessPhones", "displayName", "givenName", "jobTitle", "mail", "mobilePhone", "officeLocation",
  "preferredLanguage", "surname", "userPrincipalName", "id",
];

/** Properties Graph only serves on a single-user GET with $select (never in a list). */
export const SINGLE_USER_ONLY: ReadonlySet<string> = new Set([
  "birthday", "hireDate", "aboutMe", "interests", "mySite", "pastProjects", "preferredName", "responsibilities", "schools", "skills",
]);

/** Properties a user has in this emulator. */
export const USER_PROPERTIES: ReadonlySet<string> = new Set([
  ...USER_DEFAULTS, "department", "city", "companyName", "country", "employeeHireDate", "employeeId", "accountEnabled",
  ...SINGLE_USER_ONLY,
]);

const GROUP_PROPERTIES: ReadonlySet<string> = new Set(["id", "displayName", "mail", "mailNickname", "description", "mailEnabled", "securityEnabled"]);

// Graph answers an unset birthday or hireDate with the minimum DateTimeOffset rather than null.
const UNSET_DATE = "0001-01-01T00:00:00Z";

/** Fails as Graph does for a $select naming a property the type lacks. */
export function checkSelect(
  select: string[] | undefined,
  known: ReadonlySet<string>,
  typeName: string,
  code = "Request_BadRequest",
): void {
  for (const property of select ?? []) {
    if (!known.has(property)) {
      throw badRequest(`Could not find a property named '${property}' on type '${typeName}'.`, code);
    }
  }
}

/** Every property of a user, the basis of $select and $filter. */
export function describeUser(user: DirectoryUser): Record<string, unknown> {
  return {
    id: user.id,
    businessPhones: user.businessPhones,
    displayName: user.displayName,
    givenName: user.givenName,
    jobTitle: user.jobTitle,
    mail: user.mail,
    mobilePhone: user.mobilePhone,
    officeLocation: user.officeLocation,
    preferredLanguage: user.preferredLanguage,
    surname: user.surname,
    userPrincipalName: user.userPrincipalName,
    department: user.department,
    city: user.city,
    companyName: user.companyName,
    country: user.country,
    employeeHireDate: user.employeeHireDate,
    employeeId: user.employeeId,
    accountEnabled: user.accountEnabled,
    birthday: user.birthday ?? UNSET_DATE,
    hireDate: user.hireDate ?? UNSET_DATE,
  };
}

/** A user as GET returns it: the default set, or exactly the selected properties. */
export function presentUser(user: DirectoryUser, select: string[] | undefined): Record<string, unknown> {
  const full = describeUser(user);
  if (select) return applySelect(full, select, []);
  return applySelect(full, USER_DEFAULTS, []);
}

/** A group in Graph's shape. */
export function describeGroup(group: DirectoryGroup): Record<string, unknown> {
  return {
    id: group.id,
    displayName: group.displayName,
    mail: group.mail,
    mailNickname: group.mailNickname,
    description: group.description,
    mailEnabled: group.mail !== null,
    securityEnabled: group.mail === null,
  };
}

/** A group, honouring $select. */
export function presentGroup(group: DirectoryGroup, select: string[] | undefined): Record<string, unknown> {
  checkSelect(select, GROUP_PROPERTIES, "microsoft.graph.group");
  return applySelect(describeGroup(group), select, []);
}

/** A member of a group as directoryObject collections return it, with its `@odata.type`. */
export function presentMember(member: DirectoryMember, select: string[] | undefined): Record<string, unknown> {
  // $select on a directoryObject collection applies per type; unknown names are simply absent.
  if (member.type === "user") {
    const shape = select ? applySelect(describeUser(member.user), select.filter((name) => !SINGLE_USER_ONLY.has(name)), []) : presentUser(member.user, undefined);
    return { "@odata.type": "#microsoft.graph.user", ...shape };
  }
  const shape = applySelect(describeGroup(member.group), select, []);
  return { "@odata.type": "#microsoft.graph.group", ...shape };
}
