import { createObjectId } from "./ids";

/** A directory user as Entra ID holds it; also the owner of a mailbox. */
export interface DirectoryUser {
  id: string;
  userPrincipalName: string;
  displayName: string;
  givenName: string | null;
  surname: string | null;
  mail: string | null;
  jobTitle: string | null;
  department: string | null;
  city: string | null;
  companyName: string | null;
  country: string | null;
  officeLocation: string | null;
  mobilePhone: string | null;
  businessPhones: string[];
  preferredLanguage: string | null;
  /** ISO date-time; only returned by a single-user GET that $selects it. */
  birthday: string | null;
  /** ISO date-time; only returned by a single-user GET that $selects it. */
  hireDate: string | null;
  employeeHireDate: string | null;
  employeeId: string | null;
  accountEnabled: boolean;
}

/** What a test gives to create a user; everything but the UPN has a default. */
export type NewUser = Partial<DirectoryUser> & { userPrincipalName: string };

/** A security or Microsoft 365 group; members are user or group ids. */
export interface DirectoryGroup {
  id: string;
  displayName: string;
  mail: string | null;
  mailNickname: string;
  description: string | null;
  memberIds: string[];
}

/** What a test gives to create a group. */
export type NewGroup = Partial<Omit<DirectoryGroup, "memberIds">> & { displayName: string; members?: string[] };

/** A member of a group: a user or a nested group. */
export type DirectoryMember = { type: "user"; user: DirectoryUser } | { type: "group"; group: DirectoryGroup };

function toDateTime(value: string | null | undefined): string | null {
  if (!value) return null;
  return /T/.test(value) ? value : `${value}T00:00:00Z`;
}

/** Users and groups of the emulated tenant. */
export class Directory {
  private readonly users = new Map<string, DirectoryUser>();
  private readonly usersByUpn = new Map<string, DirectoryUser>();
  private readonly groups = new Map<string, DirectoryGroup>();

  /** Adds a user; dates may be given as plain `YYYY-MM-DD`. */
  addUser(input: NewUser): DirectoryUser {
    const local = input.userPrincipalName.split("@")[0];
    const user: DirectoryUser = {
      id: input.id ?? createObjectId(),
      userPrincipalName: input.userPrincipalName,
      displayName: input.displayName ?? local,
      givenName: input.givenName ?? null,
      surname: input.surname ?? null,
      mail: input.mail === undefined ? input.userPrincipalName : input.mail,
      jobTitle: input.jobTitle ?? null,
      department: input.department ?? null,
      city: input.city ?? null,
      companyName: input.companyName ?? null,
      country: input.country ?? null,
      officeLocation: input.officeLocation ?? null,
      mobilePhone: input.mobilePhone ?? null,
      businessPhones: input.businessPhones ?? [],
      preferredLanguage: input.preferredLanguage ?? null,
      birthday: toDateTime(input.birthday),
      hireDate: toDateTime(input.hireDate),
      employeeHireDate: toDateTime(input.employeeHireDate),
      employeeId: input.employeeId ?? null,
      accountEnabled: input.accountEnabled ?? true,
    };
    this.users.set(user.id, user);
    this.usersByUpn.set(user.userPrincipalName.toLowerCase(), user);
    return user;
  }

  /** Finds a user by object id or user principal name (case-insensitive), as `/users/{id|upn}` does. */
  findUser(idOrUpn: string): DirectoryUser | undefined {
    return this.users.get(idOrUpn) ?? this.usersByUpn.get(idOrUpn.toLowerCase());
  }

  /** All users in creation order. */
  listUsers(): DirectoryUser[] {
    return [...this.users.values()];
  }

  /** Adds a group whose members are existing user or group ids. */
  addGroup(input: NewGroup): DirectoryGroup {
    const group: DirectoryGroup = {
      id: input.id ?? createObjectId(),
      displayName: input.displayName,
      mail: input.mail ?? null,
      mailNickname: input.mailNickname ?? input.displayName.replace(/\W+/g, ""),
      description: input.description ?? null,
      memberIds: [...(input.members ?? [])],
    };
    for (const memberId of group.memberIds) {
      if (!this.users.has(memberId) && !this.groups.has(memberId)) {
        throw new Error(`Group member ${memberId} is neither a user nor a group of this directory.`);
      }
    }
    this.groups.set(group.id, group);
    return group;
  }

  /** Finds a group by id. */
  findGroup(id: string): DirectoryGroup | undefined {
    return this.groups.get(id);
  }

  /** All groups in creation order. */
  listGroups(): DirectoryGroup[] {
    return [...this.groups.values()];
  }

  /** Direct members in the order they were added. */
  members(group: DirectoryGroup): DirectoryMember[] {
    return group.memberIds.map((id) => this.resolveMember(id));
  }

  /**
   * Members at any depth, each once, nested groups included as Graph includes them; a cycle of
   * groups is walked once rather than forever.
   */
  transitiveMembers(group: DirectoryGroup): DirectoryMember[] {
    const seen = new Set<string>([group.id]);
    const result: DirectoryMember[] = [];
    const queue = [...group.memberIds];
    while (queue.length > 0) {
      const id = queue.shift() as string;
      if (seen.has(id)) continue;
      seen.add(id);
      const member = this.resolveMember(id);
      result.push(member);
      if (member.type === "group") queue.push(...member.group.memberIds);
    }
    return result;
  }

  private resolveMember(id: string): DirectoryMember {
    const user = this.users.get(id);
    if (user) return { type: "user", user };
    return { type: "group", group: this.groups.get(id) as DirectoryGroup };
  }
}
