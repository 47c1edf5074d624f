# Installs SendGuard into a scratch root (DESTDIR), builds tests/plugin/packagehost against it with
# find_package(SendGuard), and runs that host: it must load the installed plugin and send.
# cmake -DBUILD_DIR=... -DSOURCE_DIR=... -DWORK_DIR=... -DINSTALL_PREFIX=... [-DHOST_CXX_FLAGS=... -DHOST_LINKER_FLAGS=...]
#       -P packagetest.cmake
# The host is built with the flags SendGuard was built with: a plugin built with AddressSanitizer
# loads only into a host that has it too.
file(REMOVE_RECURSE "${WORK_DIR}")
function(run)
    execute_process(COMMAND ${ARGV} OUTPUT_VARIABLE output ERROR_VARIABLE output RESULT_VARIABLE result)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "failed (${result}): ${ARGV}\n${output}")
    endif()
    set(output "${output}" PARENT_SCOPE)
endfunction()
# DESTDIR, not --prefix: the package's /etc and systemd folders are absolute and would otherwise
# land on this machine.
run("${CMAKE_COMMAND}" -E env "DESTDIR=${WORK_DIR}/root" "${CMAKE_COMMAND}" --install "${BUILD_DIR}")
run("${CMAKE_COMMAND}" -S "${SOURCE_DIR}/tests/plugin/packagehost" -B "${WORK_DIR}/host" -G Ninja
    "-DCMAKE_PREFIX_PATH=${WORK_DIR}/root${INSTALL_PREFIX}" "-DCMAKE_CXX_FLAGS=${HOST_CXX_FLAGS}"
    "-DCMAKE_EXE_LINKER_FLAGS=${HOST_LINKER_FLAGS}")
run("${CMAKE_COMMAND}" --build "${WORK_DIR}/host")
run("${CMAKE_COMMAND}" -E env QT_QPA_PLATFORM=offscreen "SENDGUARD_AUDIT_FILE=${WORK_DIR}/audit.jsonl"
    "${WORK_DIR}/host/sendguard-host")
if(NOT output MATCHES "sent \\(allow\\) to 1 recipient")
    message(FATAL_ERROR "unexpected host output: ${output}")
endif()
message(STATUS "host: ${output}")
