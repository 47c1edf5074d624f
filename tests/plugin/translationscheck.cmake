# Checks that translations/*.ts are complete: lupdate, run on a copy against today's sources,
# finds no new, changed or vanished strings, and no entry is left unfinished.
# cmake -DLUPDATE=... -DSOURCE_DIR=... -DWORK_DIR=... -P translationscheck.cmake
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
file(GLOB ts_files "${SOURCE_DIR}/translations/*.ts")
if(NOT ts_files)
    message(FATAL_ERROR "no .ts files in ${SOURCE_DIR}/translations")
endif()
foreach(ts IN LISTS ts_files)
    get_filename_component(name "${ts}" NAME)
    file(COPY "${ts}" DESTINATION "${WORK_DIR}")
    # sendguard_*.ts: the plugin's strings; messenger_*.ts: the reference messenger's.
    if(name MATCHES "^messenger_")
        set(sources "${SOURCE_DIR}/examples/messenger")
    else()
        set(sources "${SOURCE_DIR}/ui" "${SOURCE_DIR}/plugin/src")
    endif()
    execute_process(
        COMMAND "${LUPDATE}" ${sources} -ts "${WORK_DIR}/${name}" -locations none
        OUTPUT_VARIABLE output ERROR_VARIABLE output RESULT_VARIABLE result)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "lupdate failed on ${name}:\n${output}")
    endif()
    if(NOT output MATCHES "\\(0 new and [0-9]+ already existing\\)")
        message(FATAL_ERROR "${name}: strings in the sources are not in the catalogue; run "
                            "cmake --build build --target update_translations and translate them:\n${output}")
    endif()
    file(READ "${WORK_DIR}/${name}" content)
    foreach(state unfinished vanished obsolete)
        string(FIND "${content}" "type=\"${state}\"" found)
        if(NOT found EQUAL -1)
            message(FATAL_ERROR "${name}: has ${state} entries")
        endif()
    endforeach()
    string(REGEX MATCHALL "<message" messages "${content}")
    list(LENGTH messages count)
    message(STATUS "${name}: ${count} messages, all translated")
endforeach()
