package dev.depscan.manifest.terraform;

import dev.depscan.scan.InfrastructureUse;
import dev.depscan.scan.spi.ManifestInput;
import dev.depscan.scan.spi.ManifestParser;
import dev.depscan.scan.spi.ParseResult;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Terraform ({@code *.tf}): a file with a {@code terraform}, {@code provider}, {@code resource}, {@code data} or
 * {@code module} block shows Terraform. Each provider it names is one evidence line with the provider as detail:
 * {@code source = "hashicorp/aws"} entries of {@code required_providers}, and {@code provider "x"} blocks. HCL is read
 * as text, never evaluated; comments are skipped.
 */
public final class TerraformParser implements ManifestParser {

    /** Plugin id. */
    public static final String ID = "terraform/hcl";

    private static final Pattern BLOCK = Pattern.compile("^\\s*(terraform|provider|resource|data|module)\\b.*\\{\\s*$");
    private static final Pattern SOURCE = Pattern.compile("^\\s*source\\s*=\\s*\"([A-Za-z0-9._/-]+)\"");
    private static final Pattern PROVIDER = Pattern.compile("^\\s*provider\\s+\"([A-Za-z0-9_-]+)\"");

    public TerraformParser() {
        // stateless; one instance serves every scan
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean accepts(String path) {
        return path.endsWith(".tf");
    }

    @Override
    public ParseResult parse(ManifestInput input) {
        String[] lines = input.text().split("\r?\n", -1);
        int firstBlock = 0;
        boolean inProviders = false;
        int depth = 0;
        Set<String> seen = new LinkedHashSet<>();
        List<InfrastructureUse> uses = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replaceAll("(#|//).*$", "");
            if (firstBlock == 0 && BLOCK.matcher(line).matches()) {
                firstBlock = i + 1;
            }
            if (line.contains("required_providers")) {
                inProviders = true;
                depth = 0;
            }
            if (inProviders) {
                depth += count(line, '{') - count(line, '}');
                Matcher source = SOURCE.matcher(line);
                if (source.find() && seen.add(source.group(1))) {
                    uses.add(new InfrastructureUse(InfrastructureUse.TERRAFORM, input.path(), i + 1,
                                                   Optional.of(source.group(1)), ID));
                }
                if (depth <= 0 && line.contains("}")) {
                    inProviders = false;
                }
            }
            Matcher provider = PROVIDER.matcher(line);
            if (provider.find() && seen.stream().noneMatch(s -> s.endsWith("/" + provider.group(1)))
                    && seen.add(provider.group(1))) {
                uses.add(new InfrastructureUse(InfrastructureUse.TERRAFORM, input.path(), i + 1,
                                               Optional.of(provider.group(1)), ID));
            }
        }
        if (firstBlock == 0) {
            return ParseResult.of(List.of());
        }
        if (uses.isEmpty()) {
            uses.add(new InfrastructureUse(InfrastructureUse.TERRAFORM, input.path(), firstBlock, Optional.empty(), ID));
        }
        return new ParseResult(List.of(), List.of(), uses);
    }

    private static int count(String line, char c) {
        return (int) line.chars().filter(ch -> ch == c).count();
    }
}
