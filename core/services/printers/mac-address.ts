// A printer's MAC address as CloudPRNT sends it (`00:11:62:0a:1b:2c`, any case, or with dashes),
// stored and compared in one spelling: lowercase with colons.
export const MAC_PATTERN = '^[0-9A-Fa-f]{2}([:-][0-9A-Fa-f]{2}){5}$';
const MAC = new RegExp(MAC_PATTERN);

export const isMacAddress = (value: string): boolean => MAC.test(value);

export const normalizedMac = (value: string): string => value.toLowerCase().replaceAll('-', ':');
