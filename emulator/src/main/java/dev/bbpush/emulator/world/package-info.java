/**
 * The model of a Bitbucket Cloud that an emulator serves: {@link dev.bbpush.emulator.world.World} holds accounts,
 * workspaces, projects, repositories with their seed files and permissions, credentials and settings (rate limits,
 * policies). Load one with {@link dev.bbpush.emulator.world.WorldLoader} from a YAML or JSON world file (unknown fields
 * are errors) or by built-in name ({@code demo}); secrets are derived deterministically from the world's name
 * ({@link dev.bbpush.emulator.world.Secrets}) unless the file gives them. API. Immutable and thread-safe; a world
 * never changes while an emulator serves it (a reset seeds the same world again).
 */
package dev.bbpush.emulator.world;
