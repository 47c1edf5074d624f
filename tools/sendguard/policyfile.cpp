// SPDX-License-Identifier: GPL-2.0-or-later
#include "policyfile.h"

#include "inputtext.h"

#include "policy/builtinpolicy.h"
#include "policy/policyreader.h"

#include <QTextStream>

namespace SendGuard::Tools::PolicyFile {

QString builtInName()
{
    return QStringLiteral("<built-in default-policy.json>");
}

std::optional<Core::Policy> load(const QString &file, const QDate &today, const QString &command)
{
    QTextStream err(stderr);
    Core::PolicyReader::Result result;
    if (file.isEmpty()) {
        result = Core::BuiltInPolicy::read();
    } else {
        const InputText input(file);
        if (!input.isValid()) {
            err << "sendguard " << command << ": " << file << ": " << input.errorString() << '\n';
            return std::nullopt;
        }
        result = Core::PolicyReader::read(input.bytes(), today);
    }
    for (const Core::JsonDiagnostic &diagnostic : result.diagnostics)
        err << diagnostic.toString(file.isEmpty() ? builtInName() : file) << '\n';
    if (!result.policy)
        err << "sendguard " << command << ": " << (file.isEmpty() ? builtInName() : file)
            << ": the policy has errors and was not used\n";
    return std::move(result.policy);
}

} // namespace SendGuard::Tools::PolicyFile
