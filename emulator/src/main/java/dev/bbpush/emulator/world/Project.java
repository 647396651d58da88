package dev.bbpush.emulator.world;

/** A project inside a workspace. */
public record Project(String workspace, String key, String name, String uuid) {}
