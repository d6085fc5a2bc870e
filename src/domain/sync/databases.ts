/**
 * How a network's CouchDB is laid out for CAP Progrès: one database per structure, readable and writable only by
 * its members; for a structure in a group, a share database it fills and its central function reads, and a
 * database of imposed actions the central function writes and the structure reads. Access goes by roles that the
 * server's user documents carry; the provisioning script (npm run sync:provision) and the app read the names here.
 */

/** CouchDB database names: a lower-case letter first, then lower-case letters, digits and _$()+-/ (CouchDB's rule). */
const ID = /^[a-z0-9][a-z0-9_-]{0,99}$/;

/** Whether a structure or group id can name a database and a role (the app's ids are lower-case hexadecimal). */
export const isSyncId = (id: string): boolean => ID.test(id);

export const structureDatabase = (structureId: string) => `cap-structure-${structureId}`;
export const shareDatabase = (structureId: string) => `cap-share-${structureId}`;
export const imposedDatabase = (structureId: string) => `cap-imposed-${structureId}`;
/**
 * A group's directory: the members whose shares its central function reads. CouchDB 3 lists databases to server
 * administrators only, so the central function learns its members' share databases here.
 */
export const groupDatabase = (groupId: string) => `cap-group-${groupId}`;
/** The directory's one document, written by the provisioning script. */
export const GROUP_MEMBERS_DOCUMENT = 'members';
export interface GroupDirectory {
  group: { id: string; name: string };
  structures: { id: string; name: string }[];
}

/** The role of a structure's members: read and write its own databases. */
export const structureRole = (structureId: string) => `cap-structure-${structureId}`;
/** The role of a group's central function: read its members' shares, write the actions it imposes on them. */
export const centralRole = (groupId: string) => `cap-central-${groupId}`;

/** The structures an account's roles let it sync. */
export const structuresOfRoles = (roles: readonly string[]): string[] => roles.filter((r) => r.startsWith('cap-structure-')).map((r) => r.slice('cap-structure-'.length));
/** The groups whose central function an account's roles make it. */
export const groupsOfRoles = (roles: readonly string[]): string[] => roles.filter((r) => r.startsWith('cap-central-')).map((r) => r.slice('cap-central-'.length));
