// SPDX-License-Identifier: GPL-2.0-or-later
#include "installedpath.h"

#include <QFile>
#include <QFileInfo>

namespace SendGuard::Core {

bool isInstalledPath(const QString &path)
{
#ifdef Q_OS_UNIX
    QFileInfo item(path);
    if (path.isEmpty() || !item.exists())
        return false;
    item = QFileInfo(item.canonicalFilePath());
    for (;;) {
        if (item.ownerId() != 0 || (item.permissions() & (QFile::WriteGroup | QFile::WriteOther)))
            return false;
        if (item.isRoot())
            return true;
        item = QFileInfo(item.absolutePath());
    }
#else
    Q_UNUSED(path);
    return true; // no owner to tell by: never follow the environment there
#endif
}

} // namespace SendGuard::Core
