package org.linkdesk.profiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.linkdesk.core.sign.InvalidInputException;
import org.linkdesk.profiles.awsconfig.AwsProfile;

/**
 * Imports AWS CLI profiles as Linkdesk profiles, all in one transaction: either every chosen profile is saved or,
 * on any problem, none is. Static keys are copied (into the vault or keychain) unless the user chose to refer to
 * the AWS CLI profile; SSO, assumed-role, credential_process and web-identity profiles are always referred to.
 */
public final class AwsImport {

    /** What to do when a Linkdesk profile of the same name exists. */
    public enum Clash {
        RENAME("Import as a new name"),
        SKIP("Skip"),
        REPLACE("Replace the existing one");

        private final String label;

        Clash(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * One profile to import.
     *
     * @param targetName  the Linkdesk profile name
     * @param onClash     what to do when {@code targetName} is taken
     * @param byReference refer to the AWS CLI profile instead of copying its keys (always true without static keys)
     * @param storage     where copied keys go: VAULT or KEYCHAIN
     */
    public record Choice(AwsProfile source, String targetName, Clash onClash, boolean byReference,
                         SecretStorage storage) {
    }

    /** What happened: names created, replaced and skipped. */
    public record Outcome(List<String> created, List<String> replaced, List<String> skipped) {
        public String summary() {
            List<String> parts = new ArrayList<>();
            if (!created.isEmpty()) {
                parts.add(created.size() + " imported");
            }
            if (!replaced.isEmpty()) {
                parts.add(replaced.size() + " replaced");
            }
            if (!skipped.isEmpty()) {
                parts.add(skipped.size() + " skipped");
            }
            return parts.isEmpty() ? "Nothing imported." : String.join(", ", parts) + ".";
        }
    }

    private final ProfileService profiles;

    public AwsImport(ProfileService profiles) {
        this.profiles = profiles;
    }

    /** Whether the profile can be imported at all (it has some way to get credentials). */
    public static boolean importable(AwsProfile p) {
        return p.kind() != AwsProfile.Kind.NONE;
    }

    /** Whether its keys can only be referred to, not copied. */
    public static boolean referenceOnly(AwsProfile p) {
        return !p.hasStaticKeys();
    }

    /** The draft a choice turns into under {@code name}. */
    static ProfileDraft draft(Choice choice, String name) {
        AwsProfile p = choice.source();
        String region = p.region() != null ? p.region() : "us-east-1";
        String provider = ProviderPreset.guess(p.endpointUrl()).name();
        if (choice.byReference() || referenceOnly(p)) {
            return new ProfileDraft(name, null, null, null, false, region, p.endpointUrl(), p.pathStyle(), p.name(),
                    provider, SecretStorage.AWS_CLI);
        }
        return new ProfileDraft(name, p.accessKeyId(), p.secretAccessKey(), p.sessionToken(), false, region,
                p.endpointUrl(), p.pathStyle(), null, provider, choice.storage());
    }

    /** Saves every choice in one transaction; any failure saves nothing and says which profile failed. */
    public Outcome run(List<Choice> choices) {
        for (Choice choice : choices) {
            if (!importable(choice.source())) {
                throw new InvalidInputException("AWS profile '" + choice.source().name() + "' has no credentials "
                        + "to import.");
            }
            ProfileDraft draft = draft(choice, choice.targetName());
            List<String> problems = draft.problems(true);
            if (!problems.isEmpty()) {
                throw new InvalidInputException("AWS profile '" + choice.source().name() + "': " + problems.get(0)
                        + " Nothing was imported.");
            }
            profiles.requireStorageReady(draft.storage());
        }
        return profiles.inTransaction(c -> {
            List<String> created = new ArrayList<>();
            List<String> replaced = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            List<String> takenNow = new ArrayList<>();
            for (Choice choice : choices) {
                String name = choice.targetName().strip();
                Optional<Profile> existing = ProfileService.findBy(c, "name_lower = LOWER(?)", name);
                if (existing.isPresent() || takenNow.contains(name.toLowerCase(Locale.ROOT))) {
                    switch (choice.onClash()) {
                        case SKIP -> {
                            skipped.add(name);
                            continue;
                        }
                        case REPLACE -> {
                            if (existing.isPresent()) {
                                ProfileDraft d = draft(choice, existing.get().name());
                                profiles.updateRow(c, existing.get().id(), d);
                                replaced.add(existing.get().name());
                                continue;
                            }
                        }
                        case RENAME -> name = freeName(c, name, takenNow);
                    }
                }
                profiles.insert(c, draft(choice, name));
                takenNow.add(name.toLowerCase(Locale.ROOT));
                created.add(name);
            }
            return new Outcome(created, replaced, skipped);
        });
    }

    private static String freeName(java.sql.Connection c, String base, List<String> takenNow)
            throws java.sql.SQLException {
        for (int i = 2; ; i++) {
            String candidate = base + " (" + i + ")";
            if (ProfileService.findBy(c, "name_lower = LOWER(?)", candidate).isEmpty()
                    && !takenNow.contains(candidate.toLowerCase(Locale.ROOT))) {
                return candidate;
            }
        }
    }
}
